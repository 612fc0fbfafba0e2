package dev.cogent.api;

import static dev.cogent.api.AuthorizationMatrix.Caller.ADMIN;
import static dev.cogent.api.AuthorizationMatrix.Caller.ANONYMOUS;
import static dev.cogent.api.AuthorizationMatrix.Caller.NO_PERMISSION;
import static dev.cogent.api.AuthorizationMatrix.Caller.OWNER;
import static dev.cogent.api.AuthorizationMatrix.Caller.WRONG_TENANT;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may call what, with {@code auth.require_authentication} on: one row per operation of the
 * OpenAPI document, with the status each kind of caller gets (docs/security.md, "Authorization
 * matrix"). {@link AuthorizationMatrixContract} sends every row as every caller and fails on any
 * operation of the document without a row, so a new route cannot be forgotten.
 *
 * <p>To add a route: add a {@link Row} with {@link #row}, giving a {@link Fixture} that builds the
 * request against a fresh resource of the {@link Caller#OWNER} (see {@link World} for the helpers)
 * and the five statuses. A dataset of the owner is made with {@code world.ownerDataset()} (or the
 * one cognified dataset, {@code world.cognifiedDataset()}, for rows that only read it); the owner's
 * tenant is {@code world.tenant()}.
 */
final class AuthorizationMatrix {

  private AuthorizationMatrix() {}

  /** The callers of every row. */
  enum Caller {
    /** No credentials. */
    ANONYMOUS,
    /** A user who owns another tenant ({@code globex}). */
    WRONG_TENANT,
    /** A member of the owner's tenant ({@code acme}) without any right. */
    NO_PERMISSION,
    /** The user who owns the resource and the tenant. */
    OWNER,
    /** The server's administrator (the first user registered); in no tenant. */
    ADMIN
  }

  /** An HTTP request of a row; {@code contentType} null for none. */
  record Request(String method, String path, String body, String contentType) {

    static Request get(String path) {
      return new Request("GET", path, null, null);
    }

    static Request delete(String path) {
      return new Request("DELETE", path, null, null);
    }

    static Request post(String path, String json) {
      return new Request("POST", path, json, json == null ? null : "application/json");
    }

    static Request put(String path, String json) {
      return new Request("PUT", path, json, "application/json");
    }

    static Request patch(String path, String json) {
      return new Request("PATCH", path, json, "application/json");
    }
  }

  /** Builds a row's request for one caller, creating what it needs (as the owner) first. */
  @FunctionalInterface
  interface Fixture {
    Request prepare(World world, Caller caller);
  }

  /**
   * @param operation {@code METHOD /path/{template}} as in the OpenAPI document
   * @param runsLast whether sending it changes the callers themselves (their current tenant), so it
   *     must run after every other row
   */
  record Row(String operation, Fixture fixture, Map<Caller, Integer> expected, boolean runsLast) {}

  /** Anonymous, wrong tenant, no permission, owner, admin. */
  static Row row(
      String operation,
      Fixture fixture,
      int anonymous,
      int wrongTenant,
      int noPermission,
      int owner,
      int admin) {
    Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
    expected.put(ANONYMOUS, anonymous);
    expected.put(WRONG_TENANT, wrongTenant);
    expected.put(NO_PERMISSION, noPermission);
    expected.put(OWNER, owner);
    expected.put(ADMIN, admin);
    return new Row(operation, fixture, expected, false);
  }

  /** A row every caller gets the same answer from (the open routes). */
  static Row open(String operation, Fixture fixture, int status) {
    return row(operation, fixture, status, status, status, status, status);
  }

  /** A row of the caller's own space: 401 without credentials, {@code status} for everyone else. */
  static Row own(String operation, Fixture fixture, int status) {
    return row(operation, fixture, 401, status, status, status, status);
  }

  /**
   * A row of a resource in its owner's private scope: only the owner sees it; everyone else, the
   * administrator included, gets 404.
   */
  static Row scoped(String operation, Fixture fixture, int ownerStatus) {
    return row(operation, fixture, 401, 404, 404, ownerStatus, 404);
  }

  /**
   * A row of a tenant resource: 404 outside the tenant, 403 for a member who does not manage it,
   * the owner and the administrator succeed.
   */
  static Row managed(String operation, Fixture fixture, int status) {
    return row(operation, fixture, 401, 404, 403, status, status);
  }

  /**
   * A row of a dataset of the owner named by id: datasets belong to a user, not a tenant, so every
   * other user gets 403 (docs/memory.md); the administrator may use every dataset.
   */
  static Row dataset(String operation, Fixture fixture, int status) {
    return row(operation, fixture, 401, 403, 403, status, status);
  }

  static Row last(Row row) {
    return new Row(row.operation(), row.fixture(), row.expected(), true);
  }

  /**
   * Operations of the document that no route of this server serves yet, with who brings them; the
   * contract checks that they really answer 404, so a branch that adds one must add its row.
   */
  static final Map<String, String> NOT_SERVED_YET = Map.of();

  /**
   * Operations served but without a row yet (none now: the memory operations of issue #7 have
   * theirs); the contract checks only that each refuses an anonymous caller. Move each into {@link
   * #rows()} as its row is written.
   */
  static final Set<String> ROWS_TO_COME = Set.of();

  static List<Row> rows() {
    String session = "{\"config\": {\"provider\": \"mock\", \"model\": \"scripted-1\"}}";
    return List.of(
        // ---- probes and documents: open
        open("GET /health", (w, c) -> Request.get("/health"), 200),
        open("GET /ready", (w, c) -> Request.get("/ready"), 200),
        open("GET /openapi.json", (w, c) -> Request.get("/openapi.json"), 200),
        open("GET /docs", (w, c) -> Request.get("/docs"), 200),
        own("GET /capabilities", (w, c) -> Request.get("/capabilities"), 200),
        // ---- sessions, messages, runs: private to their user
        own("GET /sessions", (w, c) -> Request.get("/sessions"), 200),
        own("POST /sessions", (w, c) -> Request.post("/sessions", session), 201),
        scoped(
            "GET /sessions/{session_id}",
            (w, c) -> Request.get("/sessions/" + w.ownerSession()),
            200),
        scoped(
            "PATCH /sessions/{session_id}",
            (w, c) -> Request.patch("/sessions/" + w.ownerSession(), "{\"title\": \"t\"}"),
            200),
        scoped(
            "DELETE /sessions/{session_id}",
            (w, c) -> Request.delete("/sessions/" + w.ownerSession()),
            204),
        scoped(
            "POST /sessions/{session_id}/abort",
            (w, c) -> Request.post("/sessions/" + w.ownerSession() + "/abort", null),
            200),
        scoped(
            "POST /sessions/{session_id}/resume",
            (w, c) ->
                Request.post(
                    "/sessions/" + w.ownerSession() + "/resume",
                    "{\"decision\": \"approve\", \"tool_call_id\": \"t\", \"tool_name\":"
                        + " \"bash\"}"),
            409),
        scoped(
            "GET /sessions/{session_id}/messages",
            (w, c) -> Request.get("/sessions/" + w.ownerSession() + "/messages"),
            200),
        scoped(
            "POST /sessions/{session_id}/messages",
            (w, c) ->
                Request.post(
                    "/sessions/" + w.ownerSession() + "/messages", "{\"content\": \"hello\"}"),
            200),
        scoped(
            "GET /sessions/{session_id}/messages/{message_id}",
            (w, c) -> Request.get(w.ownerMessage()),
            200),
        scoped(
            "GET /sessions/{session_id}/events",
            (w, c) -> Request.get("/sessions/" + w.ownerSession() + "/events"),
            200),
        scoped(
            "GET /sessions/{session_id}/runs",
            (w, c) -> Request.get("/sessions/" + w.ownerSession() + "/runs"),
            200),
        scoped(
            "GET /sessions/{session_id}/runs/{run_id}", (w, c) -> Request.get(w.ownerRun()), 200),
        // ---- the registry: private to their user
        own("GET /agents", (w, c) -> Request.get("/agents"), 200),
        own("POST /agents", (w, c) -> Request.post("/agents", w.named("{\"name\": \"%s\"}")), 201),
        scoped("GET /agents/{name}", (w, c) -> Request.get("/agents/" + w.ownerAgent()), 200),
        scoped(
            "PUT /agents/{name}",
            (w, c) -> {
              String name = w.ownerAgent();
              return Request.put("/agents/" + name, "{\"name\": \"" + name + "\"}");
            },
            200),
        scoped(
            "PATCH /agents/{name}",
            (w, c) -> Request.patch("/agents/" + w.ownerAgent(), "{\"description\": \"d\"}"),
            200),
        scoped("DELETE /agents/{name}", (w, c) -> Request.delete("/agents/" + w.ownerAgent()), 204),
        own("GET /skills", (w, c) -> Request.get("/skills"), 200),
        own("POST /skills", (w, c) -> Request.post("/skills", w.skill()), 201),
        scoped("GET /skills/{name}", (w, c) -> Request.get("/skills/" + w.ownerSkill()), 200),
        scoped(
            "PUT /skills/{name}",
            (w, c) -> {
              String name = w.ownerSkill();
              return Request.put("/skills/" + name, World.skill(name));
            },
            200),
        scoped(
            "PATCH /skills/{name}",
            (w, c) -> Request.patch("/skills/" + w.ownerSkill(), "{\"description\": \"d\"}"),
            200),
        scoped("DELETE /skills/{name}", (w, c) -> Request.delete("/skills/" + w.ownerSkill()), 204),
        own("GET /mcp-servers", (w, c) -> Request.get("/mcp-servers"), 200),
        own("POST /mcp-servers", (w, c) -> Request.post("/mcp-servers", w.mcpServer()), 201),
        scoped(
            "GET /mcp-servers/{name}",
            (w, c) -> Request.get("/mcp-servers/" + w.ownerMcpServer()),
            200),
        scoped(
            "PATCH /mcp-servers/{name}",
            (w, c) -> Request.patch("/mcp-servers/" + w.ownerMcpServer(), "{\"enabled\": false}"),
            200),
        scoped(
            "DELETE /mcp-servers/{name}",
            (w, c) -> Request.delete("/mcp-servers/" + w.ownerMcpServer()),
            204),
        own("GET /models/providers", (w, c) -> Request.get("/models/providers"), 200),
        own(
            "POST /models/providers",
            (w, c) -> Request.post("/models/providers", w.provider()),
            201),
        scoped(
            "PATCH /models/providers/{provider_id}",
            (w, c) ->
                Request.patch(
                    "/models/providers/" + w.ownerProvider(), "{\"model\": \"claude-2\"}"),
            200),
        scoped(
            "DELETE /models/providers/{provider_id}",
            (w, c) -> Request.delete("/models/providers/" + w.ownerProvider()),
            204),
        scoped(
            "POST /models/providers/{provider_id}/test",
            (w, c) -> Request.post("/models/providers/" + w.ownerProvider() + "/test", null),
            200),
        scoped(
            "GET /models/providers/{provider_id}/models",
            (w, c) -> Request.get("/models/providers/" + w.ownerProvider() + "/models"),
            200),
        own("GET /models", (w, c) -> Request.get("/models"), 200),
        own("GET /tools", (w, c) -> Request.get("/tools"), 200),
        own("POST /tools", (w, c) -> Request.post("/tools", w.tool()), 201),
        own("GET /tools/errors", (w, c) -> Request.get("/tools/errors"), 200),
        scoped("GET /tools/{name}", (w, c) -> Request.get("/tools/" + w.ownerTool()), 200),
        scoped("DELETE /tools/{name}", (w, c) -> Request.delete("/tools/" + w.ownerTool()), 204),
        own("GET /artifacts", (w, c) -> Request.get("/artifacts"), 200),
        own("POST /artifacts", (w, c) -> Request.post("/artifacts", w.artifact()), 201),
        scoped(
            "GET /artifacts/{artifact_id}",
            (w, c) -> Request.get("/artifacts/" + w.ownerArtifact()),
            200),
        scoped(
            "PUT /artifacts/{artifact_id}",
            (w, c) ->
                Request.put(
                    "/artifacts/" + w.ownerArtifact(),
                    "{\"content\": \"v2\", \"content_type\": \"text/markdown\"}"),
            200),
        scoped(
            "DELETE /artifacts/{artifact_id}",
            (w, c) -> Request.delete("/artifacts/" + w.ownerArtifact()),
            204),
        scoped(
            "GET /artifacts/{artifact_id}/versions",
            (w, c) -> Request.get("/artifacts/" + w.ownerArtifact() + "/versions"),
            200),
        scoped(
            "GET /artifacts/{artifact_id}/versions/{version}",
            (w, c) -> Request.get("/artifacts/" + w.ownerArtifact() + "/versions/1"),
            200),
        // ---- server configuration: the administrator changes it
        own("GET /config", (w, c) -> Request.get("/config"), 200),
        row(
            "PATCH /config",
            (w, c) -> Request.patch("/config", "{\"rate_limit\": {\"burst\": 100000}}"),
            401,
            403,
            403,
            403,
            200),
        row(
            "POST /config/rollback",
            (w, c) -> Request.post("/config/rollback", null),
            401,
            403,
            403,
            403,
            200),
        // Reloading re-reads the project's tool files and plugin jars: global rows, for everyone.
        row(
            "POST /tools/reload",
            (w, c) -> Request.post("/tools/reload", null),
            401,
            403,
            403,
            403,
            200),
        // ---- A2A
        own(
            "GET /.well-known/agent-card.json",
            (w, c) -> Request.get("/.well-known/agent-card.json"),
            200),
        scoped(
            "POST /a2a/{agent_name}",
            (w, c) ->
                Request.post(
                    "/a2a/" + w.ownerA2aAgent(),
                    "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tasks/get\", \"params\":"
                        + " {\"id\": \"none\"}}"),
            200),
        scoped(
            "GET /a2a/{agent_name}/.well-known/agent-card.json",
            (w, c) -> Request.get("/a2a/" + w.ownerA2aAgent() + "/.well-known/agent-card.json"),
            200),
        // ---- MCP endpoint: the matrix sends no Accept or Mcp-Session-Id header, so an
        // authenticated caller gets the transport's 400; McpEndpointApiContract covers the rest.
        own(
            "POST /mcp",
            (w, c) ->
                Request.post(
                    "/mcp",
                    "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\":"
                        + " {}}"),
            400),
        own("GET /mcp", (w, c) -> Request.get("/mcp"), 400),
        own("DELETE /mcp", (w, c) -> Request.delete("/mcp"), 400),
        // ---- users, logins, keys
        open(
            "POST /api/v1/auth/register",
            (w, c) ->
                Request.post(
                    "/api/v1/auth/register",
                    w.named("{\"email\": \"%s@example.com\", \"password\": \"a long password\"}")),
            201),
        open("POST /api/v1/auth/login", (w, c) -> w.ownerLoginForm(), 200),
        own("POST /api/v1/auth/logout", (w, c) -> Request.post("/api/v1/auth/logout", null), 200),
        own("GET /api/v1/auth/me", (w, c) -> Request.get("/api/v1/auth/me"), 200),
        own("GET /api/v1/auth/api-keys", (w, c) -> Request.get("/api/v1/auth/api-keys"), 200),
        own(
            "POST /api/v1/auth/api-keys",
            (w, c) -> Request.post("/api/v1/auth/api-keys", "{\"name\": \"matrix\"}"),
            201),
        scoped(
            "DELETE /api/v1/auth/api-keys/{api_key_id}",
            (w, c) -> Request.delete("/api/v1/auth/api-keys/" + w.ownerApiKey()),
            204),
        row(
            "POST /api/v1/auth/super-api-keys",
            (w, c) -> Request.post("/api/v1/auth/super-api-keys", "{}"),
            401,
            403,
            403,
            403,
            201),
        // ---- tenants, roles, dataset permissions
        last(
            own(
                "POST /api/v1/permissions/tenants",
                (w, c) -> Request.post(w.named("/api/v1/permissions/tenants?tenant_name=%s"), null),
                200)),
        row(
            "POST /api/v1/permissions/tenants/select",
            (w, c) ->
                Request.post(
                    "/api/v1/permissions/tenants/select",
                    "{\"tenant_id\": \"" + w.tenant() + "\"}"),
            401,
            404,
            200,
            200,
            404),
        own(
            "GET /api/v1/permissions/tenants/me",
            (w, c) -> Request.get("/api/v1/permissions/tenants/me"),
            200),
        row(
            "GET /api/v1/permissions/tenants/{tenant_id}/roles",
            (w, c) -> Request.get("/api/v1/permissions/tenants/" + w.tenant() + "/roles"),
            401,
            404,
            200,
            200,
            200),
        managed(
            "GET /api/v1/permissions/tenants/{tenant_id}/users",
            (w, c) -> Request.get("/api/v1/permissions/tenants/" + w.tenant() + "/users"),
            200),
        managed(
            "GET /api/v1/permissions/tenants/{tenant_id}/roles/{role_id}/users",
            (w, c) ->
                Request.get(
                    "/api/v1/permissions/tenants/"
                        + w.tenant()
                        + "/roles/"
                        + w.ownerRole(true)
                        + "/users"),
            200),
        managed(
            "POST /api/v1/permissions/users/{user_id}/tenants",
            (w, c) ->
                Request.post(
                    "/api/v1/permissions/users/"
                        + w.extraUserOutsideTenant()
                        + "/tenants?tenant_id="
                        + w.tenant(),
                    null),
            200),
        managed(
            "DELETE /api/v1/permissions/tenants/{tenant_id}/users/{user_id}",
            (w, c) ->
                Request.delete(
                    "/api/v1/permissions/tenants/"
                        + w.tenant()
                        + "/users/"
                        + w.extraUserInTenant()),
            200),
        // Roles are created in the caller's current tenant: the outsider in their own, and the
        // administrator, who has none, is refused.
        row(
            "POST /api/v1/permissions/roles",
            (w, c) -> Request.post(w.named("/api/v1/permissions/roles?role_name=%s"), null),
            401,
            200,
            403,
            200,
            403),
        managed(
            "DELETE /api/v1/permissions/roles/{role_id}",
            (w, c) -> Request.delete("/api/v1/permissions/roles/" + w.ownerRole(false)),
            200),
        managed(
            "POST /api/v1/permissions/users/{user_id}/roles",
            (w, c) ->
                Request.post(
                    "/api/v1/permissions/users/"
                        + w.memberId()
                        + "/roles?role_id="
                        + w.ownerRole(false),
                    null),
            200),
        managed(
            "DELETE /api/v1/permissions/users/{user_id}/roles",
            (w, c) ->
                Request.delete(
                    "/api/v1/permissions/users/"
                        + w.memberId()
                        + "/roles?role_id="
                        + w.ownerRole(true)),
            200),
        // Granting needs share on the dataset: the owner has it, the member not.
        managed(
            "POST /api/v1/permissions/datasets/{principal_id}",
            (w, c) ->
                Request.post(
                    "/api/v1/permissions/datasets/" + w.memberId() + "?permission_name=read",
                    "[\"" + World.SHARED_DATASET + "\"]"),
            200),
        managed(
            "DELETE /api/v1/permissions/datasets/{principal_id}",
            (w, c) ->
                new Request(
                    "DELETE",
                    "/api/v1/permissions/datasets/" + w.memberId() + "?permission_name=read",
                    "[\"" + World.SHARED_DATASET + "\"]",
                    "application/json"),
            200),
        row(
            "GET /api/v1/permissions/principals/{principal_id}/grants",
            (w, c) -> Request.get("/api/v1/permissions/principals/" + w.ownerId() + "/grants"),
            401,
            404,
            200,
            200,
            200),
        // ---- agent identities and connections
        own(
            "POST /api/v1/agents/create",
            (w, c) -> Request.post(w.named("/api/v1/agents/create?name=%s"), null),
            200),
        own("GET /api/v1/agents/list", (w, c) -> Request.get("/api/v1/agents/list"), 200),
        row(
            "GET /api/v1/agents/{agent_id}",
            (w, c) -> Request.get("/api/v1/agents/" + w.ownerAgentIdentity()),
            401,
            404,
            403,
            200,
            200),
        row(
            "DELETE /api/v1/agents/{agent_id}",
            (w, c) -> Request.delete("/api/v1/agents/" + w.ownerAgentIdentity()),
            401,
            404,
            403,
            204,
            204),
        own(
            "POST /api/v1/agents/register",
            (w, c) ->
                Request.post(
                    "/api/v1/agents/register", w.named("{\"agent_session_name\": \"%s\"}")),
            201),
        own(
            "POST /api/v1/agents/unregister",
            (w, c) ->
                Request.post(
                    "/api/v1/agents/unregister",
                    "{\"agent_session_name\": \"" + w.connectionOf(c) + "\"}"),
            200),
        own(
            "GET /api/v1/agents/connections",
            (w, c) -> Request.get("/api/v1/agents/connections"),
            200),
        own(
            "GET /api/v1/agents/connections/me",
            (w, c) -> {
              w.connectionOf(c);
              return Request.get("/api/v1/agents/connections/me");
            },
            200),
        // Connections are seen within the tenant; the administrator, in none, sees only their own.
        row(
            "GET /api/v1/agents/connections/{agent_id}",
            (w, c) -> Request.get("/api/v1/agents/connections/" + w.connectedOwnerAgent()),
            401,
            404,
            200,
            200,
            404),
        // ---- memory (issue #7): datasets belong to their user, not to a tenant, so another user
        // gets 403 for a dataset named by id (docs/memory.md); the administrator may use any.
        own("GET /api/v1/datasets", (w, c) -> Request.get("/api/v1/datasets"), 200),
        own(
            "POST /api/v1/datasets",
            (w, c) -> Request.post("/api/v1/datasets", w.named("{\"name\": \"%s\"}")),
            200),
        dataset(
            "GET /api/v1/datasets/status",
            (w, c) -> Request.get("/api/v1/datasets/status?dataset=" + w.ownerDataset()[0]),
            200),
        dataset(
            "GET /api/v1/datasets/graph-summary",
            (w, c) ->
                Request.get("/api/v1/datasets/graph-summary?dataset_ids=" + w.ownerDataset()[0]),
            200),
        dataset(
            "DELETE /api/v1/datasets/{dataset_id}",
            (w, c) -> Request.delete("/api/v1/datasets/" + w.ownerDataset()[0]),
            200),
        dataset(
            "GET /api/v1/datasets/{dataset_id}/data",
            (w, c) -> Request.get("/api/v1/datasets/" + w.ownerDataset()[0] + "/data"),
            200),
        dataset(
            "DELETE /api/v1/datasets/{dataset_id}/data/{data_id}",
            (w, c) -> {
              String[] dataset = w.ownerDataset();
              return Request.delete("/api/v1/datasets/" + dataset[0] + "/data/" + dataset[1]);
            },
            200),
        dataset(
            "GET /api/v1/datasets/{dataset_id}/data/{data_id}/raw",
            (w, c) -> {
              String[] dataset = w.ownerDataset();
              return Request.get("/api/v1/datasets/" + dataset[0] + "/data/" + dataset[1] + "/raw");
            },
            200),
        dataset(
            "GET /api/v1/datasets/{dataset_id}/graph",
            (w, c) -> Request.get("/api/v1/datasets/" + w.cognifiedDataset()[0] + "/graph"),
            200),
        dataset(
            "POST /api/v1/add",
            (w, c) ->
                Request.post(
                    "/api/v1/add",
                    "{\"data\": \"Bob Jones\", \"datasetId\": \"" + w.ownerDataset()[0] + "\"}"),
            200),
        dataset(
            "POST /api/v1/cognify",
            (w, c) ->
                Request.post(
                    "/api/v1/cognify", "{\"dataset_ids\": [\"" + w.cognifiedDataset()[0] + "\"]}"),
            200),
        dataset(
            "GET /api/v1/cognify/runs/{pipeline_run_id}",
            (w, c) -> Request.get("/api/v1/cognify/runs/" + w.cognifiedDataset()[2]),
            200),
        dataset(
            "POST /api/v1/forget",
            (w, c) ->
                Request.post("/api/v1/forget", "{\"dataset_id\": \"" + w.ownerDataset()[0] + "\"}"),
            200),
        dataset(
            "DELETE /api/v1/delete",
            (w, c) -> {
              String[] dataset = w.ownerDataset();
              return Request.delete(
                  "/api/v1/delete?data_id=" + dataset[1] + "&dataset_id=" + dataset[0]);
            },
            200),
        dataset(
            "POST /api/v1/delete",
            (w, c) -> {
              String[] dataset = w.ownerDataset();
              return Request.post(
                  "/api/v1/delete?data_id=" + dataset[1] + "&dataset_id=" + dataset[0], null);
            },
            200),
        dataset(
            "PATCH /api/v1/update",
            (w, c) -> {
              String[] dataset = w.ownerDataset();
              return World.multipart(
                  "PATCH",
                  "/api/v1/update?data_id=" + dataset[1] + "&dataset_id=" + dataset[0],
                  "data",
                  "Dana White leads Initech Corp.");
            },
            200),
        dataset(
            "POST /api/v1/remember",
            (w, c) ->
                World.multipart(
                    "POST",
                    "/api/v1/remember",
                    "datasetId",
                    w.ownerDataset()[0],
                    "self_improvement",
                    "false",
                    "data",
                    "Erin Stone designs Hooli Inc."),
            200),
        dataset(
            "POST /api/v1/remember/entry",
            (w, c) ->
                Request.post(
                    "/api/v1/remember/entry",
                    "{\"dataset_id\": \""
                        + w.ownerDataset()[0]
                        + "\", \"entry\": {\"type\": \"trace\", \"session_feedback\":"
                        + " \"good\"}}"),
            200),
        dataset(
            "POST /api/v1/improve",
            (w, c) ->
                Request.post(
                    "/api/v1/improve", "{\"dataset_id\": \"" + w.cognifiedDataset()[0] + "\"}"),
            200),
        dataset(
            "POST /api/v1/search", (w, c) -> Request.post("/api/v1/search", w.chunkSearch()), 200),
        own("GET /api/v1/search", (w, c) -> Request.get("/api/v1/search"), 200),
        dataset(
            "POST /api/v1/recall", (w, c) -> Request.post("/api/v1/recall", w.chunkSearch()), 200),
        own("GET /api/v1/recall", (w, c) -> Request.get("/api/v1/recall"), 200),
        own(
            "POST /api/v1/llm/infer-schema",
            (w, c) -> {
              w.mockProviderOf(c);
              return Request.post(
                  "/api/v1/llm/infer-schema", "{\"text\": \"Alice Smith works at Acme Corp.\"}");
            },
            200),
        own(
            "POST /api/v1/llm/custom-prompt",
            (w, c) ->
                Request.post(
                    "/api/v1/llm/custom-prompt",
                    "{\"graph_model\": {\"type\": \"object\", \"properties\": {}}}"),
            200),
        dataset(
            "GET /api/v1/activity/pipeline-runs",
            (w, c) ->
                Request.get("/api/v1/activity/pipeline-runs?dataset_id=" + w.cognifiedDataset()[0]),
            200),
        dataset(
            "GET /api/v1/activity/export/{dataset_id}",
            (w, c) -> Request.get("/api/v1/activity/export/" + w.cognifiedDataset()[0]),
            200),
        // ---- activity: the caller's tenant only (tested for content in IdentityAccessApiContract)
        own("GET /api/v1/activity/users", (w, c) -> Request.get("/api/v1/activity/users"), 200),
        own("GET /api/v1/activity/agents", (w, c) -> Request.get("/api/v1/activity/agents"), 200),
        own("GET /api/v1/activity/spans", (w, c) -> Request.get("/api/v1/activity/spans"), 200));
  }

  /** The operations with a row. */
  static Set<String> operations() {
    return rows().stream().map(Row::operation).collect(java.util.stream.Collectors.toSet());
  }
}
