package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session endpoints over real HTTP; runs on SQLite and PostgreSQL. */
abstract class SessionsApiContract {

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;

  abstract DatabaseKind kind();

  @BeforeEach
  void start() {
    server = TestServer.start(kind(), dir, Map.of(), clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void creates_a_session_as_the_spec_shows() {
    HttpResponse<String> response =
        server.post(
            "/sessions",
            """
            {"title": "My session", "agent_name": "default",
             "metadata": {"repository": "myorg/myrepo", "pr_number": "42"}}
            """);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode session = TestServer.json(response);
    assertThat(session.path("id").asText()).hasSize(36);
    assertThat(session.path("title").asText()).isEqualTo("My session");
    assertThat(session.path("thread_id").asText()).isNotBlank();
    assertThat(session.path("status").asText()).isEqualTo("active");
    assertThat(session.path("agent_name").asText()).isEqualTo("default");
    assertThat(session.path("metadata").path("pr_number").asText()).isEqualTo("42");
    assertThat(session.path("created_at").asText()).isEqualTo("2026-03-02T12:00:00Z");
    assertThat(session.path("updated_at").asText()).isEqualTo("2026-03-02T12:00:00Z");
    assertThat(session.path("message_count").asInt(-1)).isZero();
  }

  @Test
  void an_empty_body_creates_a_default_session() {
    HttpResponse<String> response = server.post("/sessions", "");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(TestServer.json(response).path("agent_name").asText()).isEqualTo("default");
  }

  @Test
  void unknown_agent_is_422_with_the_field_in_details() {
    HttpResponse<String> response = server.post("/sessions", "{\"agent_name\": \"ghost\"}");

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode body = TestServer.json(response);
    assertThat(body.path("code").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(body.path("details").path("errors").get(0).path("field").asText())
        .isEqualTo("agent_name");
  }

  @Test
  void title_longer_than_200_is_422() {
    HttpResponse<String> response =
        server.post("/sessions", "{\"title\": \"" + "t".repeat(201) + "\"}");

    assertThat(response.statusCode()).isEqualTo(422);
  }

  @Test
  void gets_patches_and_deletes_a_session() {
    String id =
        TestServer.json(server.post("/sessions", "{\"title\": \"one\"}")).path("id").asText();
    clock.advance(Duration.ofSeconds(5));

    HttpResponse<String> patched =
        server.patch(
            "/sessions/" + id,
            """
            {"title": "Updated title", "agent_name": "readonly",
             "metadata": {"pr_number": "43"},
             "config": {"provider": "openai", "model": "gpt-4o-mini", "temperature": 0.3,
                        "max_tokens": 2048, "recursion_limit": 500}}
            """);
    assertThat(patched.statusCode()).isEqualTo(200);
    JsonNode session = TestServer.json(server.get("/sessions/" + id));
    assertThat(session.path("title").asText()).isEqualTo("Updated title");
    assertThat(session.path("agent_name").asText()).isEqualTo("readonly");
    assertThat(session.path("config").path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(session.path("updated_at").asText()).isEqualTo("2026-03-02T12:00:05Z");

    assertThat(server.delete("/sessions/" + id).statusCode()).isEqualTo(204);
    HttpResponse<String> gone = server.get("/sessions/" + id);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(gone).path("code").asText()).isEqualTo("SESSION_NOT_FOUND");
    assertThat(server.delete("/sessions/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void patch_rejects_invalid_config_without_changing_the_session() {
    String id =
        TestServer.json(server.post("/sessions", "{\"title\": \"one\"}")).path("id").asText();

    HttpResponse<String> response =
        server.patch(
            "/sessions/" + id, "{\"title\": \"two\", \"config\": {\"model\": \"gpt-4o\"}}");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("config.model");
    assertThat(TestServer.json(server.get("/sessions/" + id)).path("title").asText())
        .isEqualTo("one");
  }

  @Test
  void lists_with_metadata_filters_and_pagination() {
    server.post(
        "/sessions", "{\"metadata\": {\"repository\": \"myorg/myrepo\", \"pr_number\": \"42\"}}");
    server.post(
        "/sessions", "{\"metadata\": {\"repository\": \"myorg/myrepo\", \"pr_number\": \"43\"}}");
    server.post("/sessions", "{\"metadata\": {\"repository\": \"other\"}}");

    JsonNode all = TestServer.json(server.get("/sessions?limit=2"));
    JsonNode repo = TestServer.json(server.get("/sessions?metadata.repository=myorg/myrepo"));
    JsonNode one =
        TestServer.json(
            server.get("/sessions?metadata.repository=myorg/myrepo&metadata.pr_number=42"));

    assertThat(all.path("total").asInt()).isEqualTo(3);
    assertThat(all.path("sessions")).hasSize(2);
    assertThat(repo.path("total").asInt()).isEqualTo(2);
    assertThat(one.path("total").asInt()).isEqualTo(1);
    assertThat(one.path("sessions").get(0).path("metadata").path("pr_number").asText())
        .isEqualTo("42");
  }

  @Test
  void bad_pagination_is_422() {
    assertThat(server.get("/sessions?limit=0").statusCode()).isEqualTo(422);
    assertThat(server.get("/sessions?limit=abc").statusCode()).isEqualTo(422);
    assertThat(server.get("/sessions?offset=-1").statusCode()).isEqualTo(422);
  }
}
