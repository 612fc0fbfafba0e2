package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, readiness, capabilities and the API documents. */
class SystemEndpointsIT {

  @TempDir Path dir;
  TestServer server;

  @BeforeEach
  void start() {
    server =
        TestServer.start(
            DatabaseKind.SQLITE, dir, Map.of(), MutableClock.at("2026-03-19T12:00:00Z"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void health_reports_status_version_and_active_sessions() {
    JsonNode health = TestServer.json(server.get("/health"));

    assertThat(health.path("status").asText()).isEqualTo("healthy");
    assertThat(health.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(health.path("active_sessions").asInt(-1)).isZero();
    assertThat(health.path("circuit_breakers").isArray()).isTrue();
    assertThat(health.path("timestamp").asText()).isEqualTo("2026-03-19T12:00:00Z");
  }

  @Test
  void ready_after_start() {
    HttpResponse<String> ready = server.get("/ready");

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(ready).path("ready").asBoolean()).isTrue();
  }

  @Test
  void capabilities_report_what_is_wired() {
    JsonNode capabilities = TestServer.json(server.get("/capabilities"));

    assertThat(capabilities.path("versions").path("cogent").asText()).isNotBlank();
    assertThat(capabilities.path("features").path("scope_propagation").asBoolean()).isTrue();
    assertThat(capabilities.path("features").path("a2a").asBoolean()).isTrue();
    assertThat(capabilities.path("features").path("model_catalog").asBoolean()).isTrue();
    assertThat(capabilities.path("features").path("tool_safety").asBoolean()).isTrue();
    assertThat(capabilities.path("deployment").path("database").asText()).isEqualTo("sqlite");
    assertThat(capabilities.path("scope_keys").isArray()).isTrue();
  }

  @Test
  void serves_the_openapi_document_and_swagger_ui() {
    JsonNode document = TestServer.json(server.get("/openapi.json"));
    assertThat(document.path("openapi").asText()).startsWith("3.1");
    assertThat(document.path("paths").has("/sessions/{session_id}")).isTrue();
    assertThat(document.path("info").path("version").asText())
        .isEqualTo(TestServer.json(server.get("/health")).path("version").asText());

    HttpResponse<String> page =
        server.sendUnchecked(HttpRequest.newBuilder(server.uri("/docs")).GET().build());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui-bundle.js", "/openapi.json");
    String asset = page.body().replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle.js)\".*", "$1");
    HttpResponse<String> bundle =
        server.sendUnchecked(HttpRequest.newBuilder(server.uri(asset)).GET().build());
    assertThat(bundle.statusCode()).isEqualTo(200);
  }
}
