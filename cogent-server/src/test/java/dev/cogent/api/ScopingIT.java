package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Multi-Tenant Scoping" of spec 001, with two builder-defined keys. */
class ScopingIT {

  private static final String[] ALICE = {
    "X-Cognition-Scope-User", "alice", "X-Cognition-Scope-Project", "p1"
  };
  private static final String[] BOB = {
    "X-Cognition-Scope-User", "bob", "X-Cognition-Scope-Project", "p1"
  };

  @TempDir Path dir;
  TestServer server;

  @BeforeEach
  void start() {
    server =
        TestServer.start(
            DatabaseKind.SQLITE,
            dir,
            Map.of(
                "COGENT_SCOPING_ENABLED", "true", "COGENT_SCOPE_KEYS", "[\"user\", \"project\"]"),
            MutableClock.at("2026-03-02T12:00:00Z"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_missing_scope_header_is_403_naming_it() {
    HttpResponse<String> response =
        server.post("/sessions", "{}", "X-Cognition-Scope-User", "alice");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(TestServer.json(response).path("code").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(TestServer.json(response).path("error").asText())
        .isEqualTo("Missing required scope header: x-cognition-scope-project");
  }

  @Test
  void another_scopes_session_is_invisible_everywhere() {
    String id =
        TestServer.json(server.post("/sessions", "{\"title\": \"a\"}", ALICE)).path("id").asText();

    assertThat(server.get("/sessions/" + id, BOB).statusCode()).isEqualTo(404);
    assertThat(server.patch("/sessions/" + id, "{\"title\": \"x\"}", BOB).statusCode())
        .isEqualTo(404);
    assertThat(server.delete("/sessions/" + id, BOB).statusCode()).isEqualTo(404);
    assertThat(TestServer.json(server.get("/sessions", BOB)).path("total").asInt()).isZero();

    assertThat(TestServer.json(server.get("/sessions", ALICE)).path("total").asInt()).isEqualTo(1);
    assertThat(
            TestServer.json(server.get("/sessions/" + id, ALICE))
                .path("scope")
                .path("user")
                .asText())
        .isEqualTo("alice");
  }

  @Test
  void probes_and_capabilities_need_no_scope() {
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
    assertThat(server.get("/ready").statusCode()).isEqualTo(200);
    var capabilities = TestServer.json(server.get("/capabilities"));
    assertThat(capabilities.path("scope_keys").toString()).isEqualTo("[\"user\",\"project\"]");
  }
}
