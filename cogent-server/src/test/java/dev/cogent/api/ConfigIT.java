package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET/PATCH /config} and {@code POST /config/rollback} over HTTP. */
class ConfigIT {

  @TempDir Path dir;
  TestServer server;

  @BeforeEach
  void start() {
    server =
        TestServer.start(
            DatabaseKind.SQLITE,
            dir,
            Map.of(
                "COGENT_RATE_LIMIT_PER_MINUTE", "60",
                "COGENT_RATE_LIMIT_BURST", "50",
                "COGENT_DATABASE_PASSWORD", "hunter2-secret"),
            MutableClock.at("2026-03-02T12:00:00Z"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shows_the_configuration_without_secrets() {
    HttpResponse<String> response = server.get("/config");

    JsonNode config = TestServer.json(response);
    assertThat(config.path("server").path("host").asText()).isEqualTo("127.0.0.1");
    assertThat(config.path("rate_limit").path("per_minute").asInt()).isEqualTo(60);
    assertThat(config.path("rate_limit").path("burst").asInt()).isEqualTo(50);
    assertThat(response.body()).doesNotContain("hunter2-secret");
  }

  @Test
  void a_rate_limit_change_applies_at_once_and_is_persisted_with_a_backup() throws Exception {
    HttpResponse<String> patched =
        server.patch("/config", "{\"rate_limit\": {\"burst\": 2, \"per_minute\": 30}}");

    assertThat(patched.statusCode()).isEqualTo(200);
    JsonNode body = TestServer.json(patched);
    assertThat(body.path("updated").asBoolean()).isTrue();
    assertThat(body.path("changes").path("rate_limit.burst").asInt()).isEqualTo(2);
    assertThat(body.path("backup_created").asBoolean()).isTrue();
    Path file = server.settings().projectConfigFile();
    assertThat(Files.readString(file)).contains("burst: 2");

    assertThat(server.get("/sessions").statusCode()).isEqualTo(200);
    assertThat(server.get("/sessions").statusCode()).isEqualTo(200);
    HttpResponse<String> limited = server.get("/sessions");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("X-RateLimit-Limit")).hasValue("30");
  }

  @Test
  void rejects_disallowed_paths_and_empty_changes() {
    HttpResponse<String> disallowed = server.patch("/config", "{\"server\": {\"port\": 9}}");
    HttpResponse<String> empty = server.patch("/config", "{}");

    assertThat(disallowed.statusCode()).isEqualTo(422);
    assertThat(disallowed.body()).contains("server.port");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(server.get("/config")).path("server").path("port").asInt()).isZero();
  }

  @Test
  void rolls_back_to_the_previous_backup_and_404s_when_none_is_left() {
    assertThat(server.post("/config/rollback", null).statusCode()).isEqualTo(404);
    server.patch("/config", "{\"rate_limit\": {\"per_minute\": 120}}");

    HttpResponse<String> rolledBack = server.post("/config/rollback", null);

    assertThat(rolledBack.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(rolledBack).path("rolled_back").asBoolean()).isTrue();
    assertThat(TestServer.json(server.get("/config")).path("rate_limit").path("per_minute").asInt())
        .isEqualTo(60);
    assertThat(server.post("/config/rollback", null).statusCode()).isEqualTo(404);
  }
}
