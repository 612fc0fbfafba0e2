package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.Accounts;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorization matrix of tenants, roles, dataset permissions and agent identities over real
 * HTTP with authentication required: anonymous (401), another tenant (404), a member without the
 * right (403), the owner and the server's administrator (2xx). Runs on SQLite and PostgreSQL.
 */
abstract class IdentityAccessApiContract {

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;
  Accounts accounts;

  /** The first user: the server's administrator. */
  String admin;

  /** Owns tenant {@link #tenant}. */
  String owner;

  String ownerId;

  /** A member of {@link #tenant} without any right. */
  String member;

  String memberId;

  /** Owns another tenant. */
  String outsider;

  String tenant;

  abstract DatabaseKind kind();

  @BeforeEach
  void start() {
    server = TestServer.start(kind(), dir, Map.of("COGENT_REQUIRE_AUTHENTICATION", "true"), clock);
    accounts = new Accounts(server);
    admin = token(register("admin@example.com"));
    owner = token(register("owner@example.com"));
    ownerId = me(owner).path("id").asText();
    member = token(register("member@example.com"));
    memberId = me(member).path("id").asText();
    outsider = token(register("outsider@example.com"));
    tenant =
        ok(post(owner, "/api/v1/permissions/tenants?tenant_name=acme", null))
            .path("tenant_id")
            .asText();
    ok(post(owner, "/api/v1/permissions/users/" + memberId + "/tenants?tenant_id=" + tenant, null));
    ok(post(outsider, "/api/v1/permissions/tenants?tenant_name=globex", null));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void every_route_without_credentials_is_401() {
    List<HttpResponse<String>> responses = new ArrayList<>();
    responses.add(server.post("/api/v1/permissions/tenants?tenant_name=x", null));
    responses.add(server.get("/api/v1/permissions/tenants/me"));
    responses.add(server.get("/api/v1/permissions/tenants/" + tenant + "/roles"));
    responses.add(server.get("/api/v1/permissions/tenants/" + tenant + "/users"));
    responses.add(server.post("/api/v1/permissions/roles?role_name=x", null));
    responses.add(
        server.post(
            "/api/v1/permissions/datasets/" + ownerId + "?permission_name=read", "[\"ds\"]"));
    responses.add(server.get("/api/v1/permissions/principals/" + ownerId + "/grants"));
    responses.add(server.post("/api/v1/agents/create?name=bot", null));
    responses.add(server.get("/api/v1/agents/list"));
    responses.add(server.get("/api/v1/agents/some-id"));
    responses.add(server.delete("/api/v1/agents/some-id"));
    responses.add(server.post("/api/v1/agents/register", "{\"agent_session_name\": \"s\"}"));
    responses.add(server.post("/api/v1/agents/unregister", "{\"agent_session_name\": \"s\"}"));
    responses.add(server.get("/api/v1/agents/connections"));
    responses.add(server.get("/api/v1/agents/connections/me"));
    responses.add(server.get("/api/v1/activity/users"));
    responses.add(server.get("/api/v1/activity/agents"));
    responses.add(server.get("/api/v1/activity/spans"));

    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(401);
  }

  @Test
  void the_creator_owns_the_tenant_and_it_becomes_their_tenant() {
    assertThat(me(owner).path("tenant_id").asText()).isEqualTo(tenant);
    assertThat(me(member).path("tenant_id").asText()).isEqualTo(tenant);
    assertThat(get(member, "/api/v1/permissions/tenants/me").body()).contains("acme");
    assertThat(get(outsider, "/api/v1/permissions/tenants/me").body()).doesNotContain("acme");
    assertThat(post(admin, "/api/v1/permissions/tenants?tenant_name=acme", null).statusCode())
        .isEqualTo(409);
  }

  @Test
  void tenant_users_are_listed_for_owner_and_admin_only_and_invisible_to_other_tenants() {
    String path = "/api/v1/permissions/tenants/" + tenant + "/users";

    assertThat(get(outsider, path).statusCode()).isEqualTo(404);
    assertThat(get(member, path).statusCode()).isEqualTo(403);
    assertThat(ok(get(owner, path)).findValuesAsText("email"))
        .containsExactly("member@example.com", "owner@example.com");
    assertThat(get(admin, path).statusCode()).isEqualTo(200);
  }

  @Test
  void only_the_owner_adds_users_creates_roles_and_assigns_them() {
    String outsiderId = me(outsider).path("id").asText();
    String addPath = "/api/v1/permissions/users/" + outsiderId + "/tenants?tenant_id=" + tenant;
    assertThat(post(member, addPath, null).statusCode()).isEqualTo(403);
    assertThat(post(outsider, addPath, null).statusCode()).isEqualTo(404);

    assertThat(post(member, "/api/v1/permissions/roles?role_name=editors", null).statusCode())
        .isEqualTo(403);
    String role =
        ok(post(owner, "/api/v1/permissions/roles?role_name=editors", null))
            .path("role_id")
            .asText();
    assertThat(post(owner, "/api/v1/permissions/roles?role_name=editors", null).statusCode())
        .isEqualTo(409);

    String assign = "/api/v1/permissions/users/" + memberId + "/roles?role_id=" + role;
    assertThat(post(member, assign, null).statusCode()).isEqualTo(403);
    assertThat(post(outsider, assign, null).statusCode()).isEqualTo(404);
    ok(post(owner, assign, null));
    assertThat(post(owner, assign, null).statusCode()).isEqualTo(409);
    // A user outside the role's tenant cannot get it.
    assertThat(
            post(owner, "/api/v1/permissions/users/" + outsiderId + "/roles?role_id=" + role, null)
                .statusCode())
        .isEqualTo(403);

    JsonNode roles = ok(get(member, "/api/v1/permissions/tenants/" + tenant + "/roles"));
    assertThat(roles.findValuesAsText("name")).containsExactly("editors");
    assertThat(roles.get(0).path("user_count").asInt()).isEqualTo(1);
    assertThat(get(outsider, "/api/v1/permissions/tenants/" + tenant + "/roles").statusCode())
        .isEqualTo(404);
  }

  @Test
  void managers_take_roles_back_delete_roles_and_remove_members() {
    String role =
        ok(post(owner, "/api/v1/permissions/roles?role_name=editors", null))
            .path("role_id")
            .asText();
    String assign = "/api/v1/permissions/users/" + memberId + "/roles?role_id=" + role;
    ok(post(owner, assign, null));
    ok(post(admin, "/api/v1/permissions/datasets/" + role + "?permission_name=read", "[\"ds-1\"]"));

    String holders = "/api/v1/permissions/tenants/" + tenant + "/roles/" + role + "/users";
    assertThat(ok(get(owner, holders)).findValuesAsText("name"))
        .containsExactly("member@example.com");
    assertThat(get(member, holders).statusCode()).isEqualTo(403);
    assertThat(get(outsider, holders).statusCode()).isEqualTo(404);

    assertThat(delete(member, assign, null).statusCode()).isEqualTo(403);
    assertThat(delete(outsider, assign, null).statusCode()).isEqualTo(404);
    assertThat(ok(delete(owner, assign, null)).path("message").asText())
        .isEqualTo("User removed from role");
    assertThat(delete(owner, assign, null).statusCode()).isEqualTo(404);

    String rolePath = "/api/v1/permissions/roles/" + role;
    assertThat(delete(member, rolePath, null).statusCode()).isEqualTo(403);
    assertThat(delete(outsider, rolePath, null).statusCode()).isEqualTo(404);
    assertThat(ok(delete(owner, rolePath, null)).path("message").asText())
        .isEqualTo("Role deleted");
    assertThat(ok(get(owner, "/api/v1/permissions/tenants/" + tenant + "/roles"))).isEmpty();
    assertThat(get(admin, "/api/v1/permissions/principals/" + role + "/grants").statusCode())
        .as("the role and its grants are gone")
        .isEqualTo(404);

    String members = "/api/v1/permissions/tenants/" + tenant + "/users/";
    assertThat(delete(member, members + ownerId, null).statusCode()).isEqualTo(403);
    assertThat(delete(outsider, members + memberId, null).statusCode()).isEqualTo(404);
    assertThat(delete(owner, members + ownerId, null).statusCode()).isEqualTo(400);
    assertThat(ok(delete(owner, members + memberId, null)).path("message").asText())
        .isEqualTo("User removed from tenant");
    assertThat(me(member).path("tenant_id").isNull()).isTrue();
    assertThat(get(member, "/api/v1/permissions/tenants/" + tenant + "/roles").statusCode())
        .isEqualTo(404);
    assertThat(delete(owner, members + memberId, null).statusCode()).isEqualTo(404);
  }

  @Test
  void activity_shows_the_callers_tenant_only() {
    JsonNode created = ok(post(owner, "/api/v1/agents/create?name=bot", null));
    String key = created.path("agentApiKey").asText();
    String session = "{\"agent_session_name\": \"job\"}";
    assertThat(server.post("/api/v1/agents/register", session, "X-API-Key", key).statusCode())
        .isEqualTo(201);

    assertThat(ok(get(owner, "/api/v1/activity/users")).findValuesAsText("email"))
        .containsExactly("member@example.com", "owner@example.com");
    assertThat(ok(get(member, "/api/v1/activity/users")).findValuesAsText("email"))
        .containsExactly("member@example.com", "owner@example.com");
    assertThat(ok(get(outsider, "/api/v1/activity/users")).findValuesAsText("email"))
        .containsExactly("outsider@example.com");
    assertThat(ok(get(admin, "/api/v1/activity/users")).findValuesAsText("email"))
        .as("the administrator belongs to no tenant: only themselves")
        .containsExactly("admin@example.com");

    JsonNode agent = ok(get(owner, "/api/v1/activity/agents")).get(0);
    assertThat(agent.path("email").asText()).isEqualTo("bot@cogent.agent");
    assertThat(agent.path("status").asText()).isEqualTo("LIVE");
    assertThat(agent.path("api_key_count").asInt()).isEqualTo(1);
    assertThat(agent.path("recently_active").asBoolean()).isTrue();
    assertThat(ok(get(member, "/api/v1/activity/agents")).findValuesAsText("id"))
        .containsExactly(created.path("agentId").asText());
    assertThat(ok(get(outsider, "/api/v1/activity/agents"))).isEmpty();
    assertThat(ok(get(admin, "/api/v1/activity/agents"))).isEmpty();

    server.post("/api/v1/agents/unregister", session, "X-API-Key", key);
    clock.advance(Duration.ofMinutes(31));
    agent = ok(get(accounts.bearer("owner@example.com"), "/api/v1/activity/agents")).get(0);
    assertThat(agent.path("status").asText()).isEqualTo("INACTIVE");
    assertThat(agent.path("recently_active").asBoolean()).isFalse();
    assertThat(agent.path("last_active").asText()).isEqualTo("2026-03-02T12:00:00Z");

    assertThat(ok(get(owner, "/api/v1/activity/spans"))).isEmpty();
  }

  @Test
  void granting_needs_share_on_the_dataset_directly_or_through_a_role() {
    String role =
        ok(post(owner, "/api/v1/permissions/roles?role_name=sharers", null))
            .path("role_id")
            .asText();
    ok(post(owner, "/api/v1/permissions/users/" + memberId + "/roles?role_id=" + role, null));
    String toRole = "/api/v1/permissions/datasets/" + role + "?permission_name=";

    // Nobody holds share on ds-1 yet: only the administrator may grant.
    assertThat(post(owner, toRole + "read", "[\"ds-1\"]").statusCode()).isEqualTo(403);
    assertThat(post(outsider, toRole + "read", "[\"ds-1\"]").statusCode()).isEqualTo(404);
    ok(
        post(
            admin,
            "/api/v1/permissions/datasets/" + ownerId + "?permission_name=share",
            "[\"ds-1\"]"));

    // The owner now shares; the member gets share through the role and may grant in turn.
    ok(post(owner, toRole + "share", "[\"ds-1\"]"));
    ok(
        post(
            member,
            "/api/v1/permissions/datasets/" + tenant + "?permission_name=read",
            "[\"ds-1\"]"));
    assertThat(post(member, toRole + "read", "[\"ds-2\"]").statusCode()).isEqualTo(403);

    JsonNode grants = ok(get(member, "/api/v1/permissions/principals/" + role + "/grants"));
    assertThat(grants.findValuesAsText("permission")).containsExactly("share");
    assertThat(grants.get(0).path("principal_type").asText()).isEqualTo("role");
    assertThat(get(outsider, "/api/v1/permissions/principals/" + role + "/grants").statusCode())
        .isEqualTo(404);
    assertThat(post(owner, toRole + "admin", "[\"ds-1\"]").statusCode()).isEqualTo(422);
    assertThat(post(owner, toRole + "read", "{}").statusCode()).isEqualTo(422);

    ok(delete(owner, toRole + "share", "[\"ds-1\"]"));
    assertThat(ok(get(member, "/api/v1/permissions/principals/" + role + "/grants"))).isEmpty();
  }

  @Test
  void agent_identities_follow_the_matrix_and_authenticate_by_key_only() {
    JsonNode created = ok(post(owner, "/api/v1/agents/create?name=Research Bot", null));
    String agentId = created.path("agentId").asText();
    String key = created.path("agentApiKey").asText();
    assertThat(created.path("agentEmail").asText()).isEqualTo("research-bot@cogent.agent");
    assertThat(post(owner, "/api/v1/agents/create?name=Research Bot", null).statusCode())
        .isEqualTo(409);

    assertThat(get(outsider, "/api/v1/agents/" + agentId).statusCode()).isEqualTo(404);
    assertThat(get(member, "/api/v1/agents/" + agentId).statusCode()).isEqualTo(403);
    assertThat(ok(get(owner, "/api/v1/agents/" + agentId)).path("apiKeyLabel").asText())
        .isEqualTo(key.substring(0, 12) + "****");
    assertThat(get(admin, "/api/v1/agents/" + agentId).statusCode()).isEqualTo(200);
    assertThat(ok(get(owner, "/api/v1/agents/list")).findValuesAsText("agentId"))
        .containsExactly(agentId);
    assertThat(ok(get(member, "/api/v1/agents/list"))).isEmpty();

    JsonNode agentMe = TestServer.json(server.get("/api/v1/auth/me", "X-API-Key", key));
    assertThat(agentMe.path("parent_user_id").asText()).isEqualTo(ownerId);
    assertThat(agentMe.path("tenant_id").asText()).isEqualTo(tenant);
    HttpResponse<String> login = login(created.path("agentEmail").asText(), "any password");
    assertThat(login.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(login).path("error").asText())
        .isEqualTo("This user does not have a password. Use API key authentication.");

    assertThat(delete(member, "/api/v1/agents/" + agentId, null).statusCode()).isEqualTo(403);
    assertThat(delete(outsider, "/api/v1/agents/" + agentId, null).statusCode()).isEqualTo(404);
    assertThat(delete(owner, "/api/v1/agents/" + agentId, null).statusCode()).isEqualTo(204);
    assertThat(server.get("/api/v1/auth/me", "X-API-Key", key).statusCode()).isEqualTo(401);
    assertThat(get(owner, "/api/v1/agents/" + agentId).statusCode()).isEqualTo(404);
  }

  @Test
  void connections_register_idempotently_and_every_filter_applies() {
    JsonNode created = ok(post(owner, "/api/v1/agents/create?name=bot", null));
    String agentId = created.path("agentId").asText();
    String key = created.path("agentApiKey").asText();
    String body =
        "{\"agent_session_name\": \"claude/1\", \"type\": \"claude_code\", \"memory_mode\":"
            + " \"hybrid\", \"dataset_ids\": [\"ds-1\"], \"metadata\": {\"pid\": 7}}";

    HttpResponse<String> first = server.post("/api/v1/agents/register", body, "X-API-Key", key);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    HttpResponse<String> again = server.post("/api/v1/agents/register", body, "X-API-Key", key);
    assertThat(TestServer.json(again).path("id")).isEqualTo(TestServer.json(first).path("id"));
    assertThat(TestServer.json(first).path("status").asText()).isEqualTo("active");
    assertThat(
            server
                .post(
                    "/api/v1/agents/register",
                    "{\"agent_session_name\": \"x\", \"type\": \"robot\"}",
                    "X-API-Key",
                    key)
                .statusCode())
        .isEqualTo(422);
    assertThat(server.post("/api/v1/agents/register", "{}", "X-API-Key", key).statusCode())
        .isEqualTo(422);

    JsonNode page = ok(get(owner, "/api/v1/agents/connections"));
    assertThat(page.path("total").asInt()).isEqualTo(1);
    assertThat(page.path("memory_sources").get(0).path("id").asText()).isEqualTo("ds-1");
    assertThat(ok(get(member, "/api/v1/agents/connections")).path("total").asInt()).isEqualTo(1);
    assertThat(ok(get(outsider, "/api/v1/agents/connections")).path("total").asInt()).isZero();
    assertThat(
            ok(get(owner, "/api/v1/agents/connections?agent_id=" + ownerId)).path("total").asInt())
        .isZero();
    assertThat(
            ok(get(owner, "/api/v1/agents/connections?include_sources=false"))
                .path("memory_sources"))
        .isEmpty();
    assertThat(get(owner, "/api/v1/agents/connections?limit=0").statusCode()).isEqualTo(422);
    assertThat(get(owner, "/api/v1/agents/connections?limit=501").statusCode()).isEqualTo(422);
    assertThat(get(owner, "/api/v1/agents/connections?range=1y").statusCode()).isEqualTo(422);
    assertThat(ok(get(owner, "/api/v1/agents/connections?offset=1")).path("agents")).isEmpty();

    assertThat(ok(get(owner, "/api/v1/agents/connections/" + agentId)).path("agent").path("id"))
        .isEqualTo(TestServer.json(first).path("id"));
    assertThat(get(outsider, "/api/v1/agents/connections/" + agentId).statusCode()).isEqualTo(404);
    assertThat(server.get("/api/v1/agents/connections/me", "X-API-Key", key).statusCode())
        .isEqualTo(200);
    assertThat(get(owner, "/api/v1/agents/connections/me").statusCode()).isEqualTo(404);

    HttpResponse<String> unregistered =
        server.post(
            "/api/v1/agents/unregister",
            "{\"agent_session_name\": \"claude/1\"}",
            "X-API-Key",
            key);
    assertThat(TestServer.json(unregistered).path("activeAgents").asInt()).isZero();
    assertThat(ok(get(owner, "/api/v1/agents/connections")).path("total").asInt()).isZero();
    assertThat(ok(get(owner, "/api/v1/agents/connections?active_only=false")).path("total").asInt())
        .isEqualTo(1);
    assertThat(
            ok(get(owner, "/api/v1/agents/connections?active_only=false&status=active"))
                .path("total")
                .asInt())
        .isZero();

    clock.advance(Duration.ofDays(2));
    owner = token("owner@example.com"); // the access token expired meanwhile
    assertThat(
            ok(get(owner, "/api/v1/agents/connections?active_only=false&range=24h"))
                .path("total")
                .asInt())
        .isZero();
    assertThat(
            ok(get(owner, "/api/v1/agents/connections?active_only=false&range=7d"))
                .path("total")
                .asInt())
        .isEqualTo(1);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private String register(String email) {
    accounts.register(email);
    return email;
  }

  private HttpResponse<String> login(String username, String password) {
    return accounts.login(username, password);
  }

  private String token(String email) {
    return accounts.bearer(email);
  }

  private JsonNode me(String bearer) {
    return ok(get(bearer, "/api/v1/auth/me"));
  }

  private HttpResponse<String> get(String bearer, String path) {
    return server.get(path.replace(" ", "%20"), "Authorization", bearer);
  }

  private HttpResponse<String> post(String bearer, String path, String body) {
    return server.post(path.replace(" ", "%20"), body, "Authorization", bearer);
  }

  private HttpResponse<String> delete(String bearer, String path, String body) {
    return server.send("DELETE", path, body, "Authorization", bearer);
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return TestServer.json(response);
  }
}
