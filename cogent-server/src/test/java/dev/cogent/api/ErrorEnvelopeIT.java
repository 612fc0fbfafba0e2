package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error, whatever its cause, is the envelope {@code {"error","code","details"}}.
 *
 * <p>One server serves the class, since its requests store nothing; the test that breaks the
 * database gets a server of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorEnvelopeIT {

  @TempDir static Path dir;
  TestServer server;

  @BeforeAll
  void start() {
    server = start(dir);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static TestServer start(Path dir) {
    return TestServer.start(
        DatabaseKind.SQLITE,
        dir,
        Map.of("COGENT_MAX_BODY_BYTES", "4096"),
        MutableClock.at("2026-03-02T12:00:00Z"));
  }

  private static JsonNode envelope(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = TestServer.json(response);
    assertThat(body.path("error").isTextual()).isTrue();
    assertThat(body.path("code").asText()).isEqualTo(code);
    assertThat(body.path("details").isObject()).isTrue();
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
    return body;
  }

  @Test
  void malformed_json_is_400() {
    envelope(server.post("/sessions", "{\"title\": "), 400, "BAD_REQUEST");
  }

  @Test
  void a_body_that_is_not_an_object_is_422() {
    envelope(server.post("/sessions", "[1, 2]"), 422, "VALIDATION_ERROR");
  }

  @Test
  void unknown_fields_are_422_naming_the_field() {
    JsonNode body =
        envelope(server.post("/sessions", "{\"titel\": \"typo\"}"), 422, "VALIDATION_ERROR");

    assertThat(body.path("details").path("errors").get(0).path("field").asText())
        .isEqualTo("titel");
  }

  @Test
  void wrong_types_are_422_naming_the_path() {
    JsonNode body =
        envelope(
            server.post("/sessions", "{\"config\": {\"temperature\": \"hot\"}}"),
            422,
            "VALIDATION_ERROR");

    assertThat(body.path("details").path("errors").get(0).path("field").asText())
        .isEqualTo("config.temperature");
  }

  @Test
  void unknown_route_is_404() {
    envelope(server.sendOffApi("GET", "/no/such/route", null), 404, "NOT_FOUND");
  }

  @Test
  void wrong_method_is_405() {
    envelope(server.sendOffApi("PUT", "/sessions", "{}"), 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void oversized_body_is_413() {
    String big = "{\"title\": \"" + "x".repeat(10_000) + "\"}";

    envelope(server.post("/sessions", big), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void an_internal_error_is_500_with_the_request_id_and_no_trace(@TempDir Path own)
      throws Exception {
    HttpResponse<String> response;
    try (TestServer broken = start(own)) {
      try (var connection = DriverManager.getConnection(broken.settings().store().databaseUrl());
          var statement = connection.createStatement()) {
        statement.execute("ALTER TABLE sessions RENAME TO sessions_moved");
      }

      response = broken.get("/sessions", "X-Request-Id", "trace-me-123");
    }

    JsonNode body = envelope(response, 500, "INTERNAL_ERROR");
    assertThat(body.path("request_id").asText()).isEqualTo("trace-me-123");
    assertThat(body.path("error").asText()).contains("trace-me-123").doesNotContain("SQL");
  }

  @Test
  void echoes_a_sane_request_id_and_generates_one_otherwise() {
    HttpResponse<String> given = server.get("/health", "X-Request-Id", "abc-123");
    HttpResponse<String> generated = server.get("/health");
    HttpResponse<String> insane = server.get("/health", "X-Request-Id", "bad id with spaces");

    assertThat(given.headers().firstValue("X-Request-Id")).hasValue("abc-123");
    assertThat(generated.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).hasSize(36));
    assertThat(insane.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).isNotEqualTo("bad id with spaces"));
  }

  @Test
  void errors_carry_the_request_id_header_too() {
    HttpResponse<String> response =
        server.sendUnchecked(
            HttpRequest.newBuilder(server.uri("/sessions/missing"))
                .header("X-Request-Id", "rid-1")
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("rid-1");
    assertThat(TestServer.json(response).path("request_id").asText()).isEqualTo("rid-1");
  }
}
