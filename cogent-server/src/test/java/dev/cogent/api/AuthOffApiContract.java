package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.http.OpenApiContract;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication off (the embedded default): callers without credentials are the default user and
 * keep header scoping, while credentials that are sent must still be valid. SQLite and PostgreSQL.
 */
abstract class AuthOffApiContract {

  private static final OpenApiContract CONTRACT = OpenApiContract.load();

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;

  abstract DatabaseKind kind();

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void a_caller_without_credentials_is_the_default_user() {
    server = TestServer.start(kind(), dir, Map.of(), clock);

    HttpResponse<String> me = server.get("/api/v1/auth/me");

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(me).path("email").asText()).isEqualTo("default_user@example.com");
    assertThat(TestServer.json(me).path("is_superuser").asBoolean()).isTrue();
    assertThat(server.get("/sessions").statusCode()).isEqualTo(200);
  }

  @Test
  void bad_credentials_that_are_sent_are_still_401() {
    server = TestServer.start(kind(), dir, Map.of(), clock);

    for (String[] headers :
        new String[][] {
          {"X-API-Key", "cog_not-a-real-key-at-all-0000000000000000000000"},
          {"Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"},
          {"Cookie", "auth_token=garbage"}
        }) {
      HttpResponse<String> response =
          server.sendUnchecked(
              HttpRequest.newBuilder(server.uri("/sessions")).headers(headers).GET().build());
      CONTRACT.assertValidError(response);
      assertThat(response.statusCode()).as(headers[0]).isEqualTo(401);
    }
  }

  @Test
  void the_default_user_keeps_header_scoping_but_a_keyed_caller_gets_its_own_scope() {
    server =
        TestServer.start(
            kind(),
            dir,
            Map.of("COGENT_SCOPING_ENABLED", "true", "COGENT_SCOPE_KEYS", "user"),
            clock);
    HttpResponse<String> created =
        server.post("/sessions", "{}", "X-Cognition-Scope-User", "alice");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = TestServer.json(created).path("id").asText();
    String key =
        TestServer.json(
                server.post("/api/v1/auth/api-keys", "{}", "X-Cognition-Scope-User", "alice"))
            .path("key")
            .asText();

    assertThat(server.get("/sessions/" + id, "X-Cognition-Scope-User", "alice").statusCode())
        .isEqualTo(200);
    assertThat(
            server
                .get("/sessions/" + id, "X-API-Key", key, "X-Cognition-Scope-User", "alice")
                .statusCode())
        .isEqualTo(404);
  }
}
