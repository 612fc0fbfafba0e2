package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.http.OpenApiContract;
import dev.cogent.testing.Accounts;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authentication over real HTTP with {@code auth.require_authentication} on: the filter, every
 * credential kind, API keys, super keys and scope from the principal. Runs on SQLite and
 * PostgreSQL.
 */
abstract class AuthApiContract {

  private static final OpenApiContract CONTRACT = OpenApiContract.load();

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;
  Accounts accounts;

  abstract DatabaseKind kind();

  @BeforeEach
  void start() {
    server =
        TestServer.start(
            kind(),
            dir,
            Map.of("COGENT_REQUIRE_AUTHENTICATION", "true", "COGENT_SUPER_API_KEY_ENABLED", "true"),
            clock);
    accounts = new Accounts(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode register(String email) {
    return accounts.register(email);
  }

  private HttpResponse<String> login(String username, String password) {
    return accounts.login(username, password);
  }

  private String token(String email) {
    return accounts.token(email);
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  /** A request off the documented statuses of the operation (a 401 on a route of spec 001). */
  private HttpResponse<String> unauthenticated(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(server.uri(path)).GET();
    if (headers.length > 0) {
      builder.headers(headers);
    }
    HttpResponse<String> response = server.sendUnchecked(builder.build());
    CONTRACT.assertValidError(response);
    return response;
  }

  private String createKey(String token) {
    HttpResponse<String> created =
        server.post("/api/v1/auth/api-keys", "{\"name\": \"ci\"}", "Authorization", bearer(token));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return TestServer.json(created).path("key").asText();
  }

  @Test
  void a_protected_route_without_credentials_is_401_unauthenticated() {
    HttpResponse<String> response = unauthenticated("/sessions");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(TestServer.json(response).path("code").asText()).isEqualTo("UNAUTHENTICATED");
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(unauthenticated("/capabilities").statusCode()).isEqualTo(401);
    assertThat(server.get("/api/v1/auth/me").statusCode()).isEqualTo(401);
  }

  @Test
  void probes_documents_login_and_register_stay_open() {
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
    assertThat(server.get("/ready").statusCode()).isEqualTo(200);
    assertThat(server.get("/openapi.json").statusCode()).isEqualTo(200);
    assertThat(server.get("/docs").statusCode()).isEqualTo(200);
    assertThat(register("ann@example.com").path("email").asText()).isEqualTo("ann@example.com");
    assertThat(login("ann@example.com", "a long password").statusCode()).isEqualTo(200);
  }

  @Test
  void register_answers_the_user_and_refuses_a_taken_email() {
    JsonNode ann = register("Ann@Example.com");

    assertThat(ann.path("email").asText()).isEqualTo("ann@example.com");
    assertThat(ann.path("is_superuser").asBoolean()).isTrue();
    assertThat(ann.path("is_active").asBoolean()).isTrue();
    assertThat(ann.has("password")).isFalse();
    HttpResponse<String> again =
        server.post(
            "/api/v1/auth/register",
            "{\"email\": \"ann@example.com\", \"password\": \"another password\"}");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(again).path("details").path("reason").asText())
        .isEqualTo("REGISTER_USER_ALREADY_EXISTS");
    assertThat(register("bob@example.com").path("is_superuser").asBoolean()).isFalse();
  }

  @Test
  void register_refuses_privileges_and_unknown_fields() {
    HttpResponse<String> admin =
        server.post(
            "/api/v1/auth/register",
            "{\"email\": \"eve@example.com\", \"password\": \"a long password\","
                + " \"is_superuser\": true}");
    HttpResponse<String> unknown =
        server.post(
            "/api/v1/auth/register",
            "{\"email\": \"eve@example.com\", \"password\": \"a long password\", \"role\": 1}");

    assertThat(admin.statusCode()).isEqualTo(422);
    assertThat(unknown.statusCode()).isEqualTo(422);
  }

  @Test
  void login_sets_an_http_only_cookie_and_refuses_bad_credentials() {
    register("ann@example.com");

    HttpResponse<String> response = login("ann@example.com", "a long password");

    JsonNode body = TestServer.json(response);
    assertThat(body.path("token_type").asText()).isEqualTo("bearer");
    assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith("auth_token=" + body.path("access_token").asText() + ";")
        .contains("HttpOnly", "SameSite=Lax", "Max-Age=3600");
    HttpResponse<String> wrong = login("ann@example.com", "not the password");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(wrong).path("details").path("reason").asText())
        .isEqualTo("LOGIN_BAD_CREDENTIALS");
    assertThat(login("nobody@example.com", "a long password").statusCode()).isEqualTo(400);
  }

  @Test
  void every_credential_kind_authenticates() {
    register("ann@example.com");
    String token = token("ann@example.com");
    String key = createKey(token);

    assertThat(server.get("/api/v1/auth/me", "Authorization", bearer(token)).statusCode())
        .isEqualTo(200);
    assertThat(server.get("/api/v1/auth/me", "Cookie", "auth_token=" + token).statusCode())
        .isEqualTo(200);
    assertThat(server.get("/api/v1/auth/me", "X-API-Key", key).statusCode()).isEqualTo(200);
    assertThat(server.get("/api/v1/auth/me?api_key=" + key).statusCode()).isEqualTo(200);
    HttpResponse<String> viaBearerKey = server.get("/sessions", "Authorization", bearer(key));
    assertThat(viaBearerKey.statusCode()).isEqualTo(200);
    assertThat(
            TestServer.json(server.get("/api/v1/auth/me", "X-API-Key", key)).path("email").asText())
        .isEqualTo("ann@example.com");
  }

  @Test
  void tampered_and_expired_tokens_are_401() {
    register("ann@example.com");
    String token = token("ann@example.com");
    String tampered = token.substring(0, token.length() - 3) + "xyz";

    assertThat(unauthenticated("/sessions", "Authorization", bearer(tampered)).statusCode())
        .isEqualTo(401);
    assertThat(unauthenticated("/sessions", "Cookie", "auth_token=" + tampered).statusCode())
        .isEqualTo(401);

    clock.advance(Duration.ofMinutes(60));

    HttpResponse<String> expired = unauthenticated("/sessions", "Authorization", bearer(token));
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(TestServer.json(expired).path("code").asText()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void an_unsigned_token_or_one_with_a_forged_payload_is_401() {
    String bobId = register("bob@example.com").path("id").asText();
    String annId = register("ann@example.com").path("id").asText();
    String[] parts = token("ann@example.com").split("\\.");
    java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String payload =
        new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String asBob =
        base64.encodeToString(payload.replace(annId, bobId).getBytes(StandardCharsets.UTF_8));
    String none = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(
            unauthenticated(
                    "/sessions", "Authorization", bearer(parts[0] + "." + asBob + "." + parts[2]))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            unauthenticated("/sessions", "Authorization", bearer(none + "." + asBob + "."))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            unauthenticated("/sessions", "Authorization", bearer(none + "." + parts[1] + "."))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void an_api_key_is_shown_once_listed_masked_and_dies_when_revoked() {
    register("ann@example.com");
    String token = token("ann@example.com");
    HttpResponse<String> created =
        server.post("/api/v1/auth/api-keys", "{\"name\": \"ci\"}", "Authorization", bearer(token));
    JsonNode key = TestServer.json(created);
    String secret = key.path("key").asText();
    assertThat(secret).startsWith("cog_");
    assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");

    assertThat(server.get("/sessions", "X-API-Key", secret).statusCode()).isEqualTo(200);
    HttpResponse<String> list = server.get("/api/v1/auth/api-keys", "Authorization", bearer(token));
    assertThat(list.body()).doesNotContain(secret);
    JsonNode listed = TestServer.json(list).get(0);
    assertThat(listed.path("id").asText()).isEqualTo(key.path("id").asText());
    assertThat(listed.path("key").asText()).isEqualTo("************");
    assertThat(listed.path("label").asText()).isEqualTo(secret.substring(0, 12) + "****");
    assertThat(listed.path("last_used_at").asText()).isEqualTo("2026-03-02T12:00:00Z");

    HttpResponse<String> revoked =
        server.delete(
            "/api/v1/auth/api-keys/" + key.path("id").asText(), "Authorization", bearer(token));
    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThat(unauthenticated("/sessions", "X-API-Key", secret).statusCode()).isEqualTo(401);
    assertThat(
            server
                .delete(
                    "/api/v1/auth/api-keys/" + key.path("id").asText(),
                    "Authorization",
                    bearer(token))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void two_users_cannot_see_each_others_sessions_whatever_headers_they_send() {
    String annId = register("ann@example.com").path("id").asText();
    register("bob@example.com");
    String ann = token("ann@example.com");
    String bob = token("bob@example.com");

    HttpResponse<String> created =
        server.post("/sessions", "{\"title\": \"ann's\"}", "Authorization", bearer(ann));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode session = TestServer.json(created);
    String id = session.path("id").asText();
    assertThat(session.path("scope").path("user").asText()).isEqualTo(annId);

    assertThat(server.get("/sessions/" + id, "Authorization", bearer(ann)).statusCode())
        .isEqualTo(200);
    assertThat(server.get("/sessions/" + id, "Authorization", bearer(bob)).statusCode())
        .isEqualTo(404);
    assertThat(
            server
                .get(
                    "/sessions/" + id,
                    "Authorization",
                    bearer(bob),
                    "X-Cognition-Scope-User",
                    annId)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            TestServer.json(server.get("/sessions", "Authorization", bearer(bob)))
                .path("sessions")
                .size())
        .isZero();
  }

  @Test
  void an_administrator_creates_a_super_key_that_expires() {
    register("admin@example.com");
    register("bob@example.com");
    String admin = token("admin@example.com");

    HttpResponse<String> refused =
        server.post(
            "/api/v1/auth/super-api-keys", "{}", "Authorization", bearer(token("bob@example.com")));
    assertThat(refused.statusCode()).isEqualTo(403);

    HttpResponse<String> created =
        server.post("/api/v1/auth/super-api-keys", "{}", "Authorization", bearer(admin));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String key = TestServer.json(created).path("key").asText();
    assertThat(key).startsWith("cogs_");
    assertThat(TestServer.json(created).path("expires_at").asText())
        .isEqualTo("2026-03-02T12:15:00Z");

    assertThat(server.get("/sessions", "X-API-Key", key).statusCode()).isEqualTo(200);
    assertThat(server.get("/api/v1/auth/me", "X-API-Key", key).statusCode()).isEqualTo(403);

    clock.advance(Duration.ofMinutes(15));

    assertThat(unauthenticated("/sessions", "X-API-Key", key).statusCode()).isEqualTo(401);
  }

  @Test
  void logout_clears_the_cookie() {
    register("ann@example.com");
    String token = token("ann@example.com");

    HttpResponse<String> response =
        server.post("/api/v1/auth/logout", null, "Cookie", "auth_token=" + token);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith("auth_token=;")
        .contains("Max-Age=0");
  }
}
