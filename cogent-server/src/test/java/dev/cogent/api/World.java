package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.api.AuthorizationMatrix.Caller;
import dev.cogent.api.AuthorizationMatrix.Request;
import dev.cogent.testing.Accounts;
import dev.cogent.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The users and resources the authorization matrix runs against: an administrator (in no tenant),
 * the owner of tenant {@code acme}, a member of {@code acme} without rights, the owner of tenant
 * {@code globex}, and one extra user the tenant rows add and remove. Resources are made fresh, as
 * the owner, for every request that needs one, so that a successful delete never changes what the
 * next caller sees.
 */
final class World {

  /** A dataset the administrator let the owner share. */
  static final String SHARED_DATASET = "ds-shared";

  private final TestServer server;
  private final Map<Caller, String> authorization = new EnumMap<>(Caller.class);
  private final AtomicInteger names = new AtomicInteger();
  private final String ownerId;
  private final String memberId;
  private final String extraId;
  private final String tenant;
  private String ownerMessage;
  private String ownerRun;
  private String ownerA2aAgent;
  private String connectedOwnerAgent;
  private String[] cognified;

  World(TestServer server) {
    this.server = server;
    Accounts accounts = new Accounts(server);
    accounts.register("admin@example.com");
    ownerId = accounts.register("owner@example.com").path("id").asText();
    memberId = accounts.register("member@example.com").path("id").asText();
    accounts.register("outsider@example.com");
    extraId = accounts.register("extra@example.com").path("id").asText();
    authorization.put(Caller.ADMIN, accounts.bearer("admin@example.com"));
    authorization.put(Caller.OWNER, accounts.bearer("owner@example.com"));
    authorization.put(Caller.NO_PERMISSION, accounts.bearer("member@example.com"));
    authorization.put(Caller.WRONG_TENANT, accounts.bearer("outsider@example.com"));
    tenant =
        asOwner(Request.post("/api/v1/permissions/tenants?tenant_name=acme", null))
            .path("tenant_id")
            .asText();
    asOwner(
        Request.post(
            "/api/v1/permissions/users/" + memberId + "/tenants?tenant_id=" + tenant, null));
    ok(
        send(
            Caller.WRONG_TENANT,
            Request.post("/api/v1/permissions/tenants?tenant_name=globex", null)));
    ok(
        send(
            Caller.ADMIN,
            new Request(
                "POST",
                "/api/v1/permissions/datasets/" + ownerId + "?permission_name=share",
                "[\"" + SHARED_DATASET + "\"]",
                "application/json")));
  }

  /** Sends a request as a caller, without judging the answer. */
  HttpResponse<String> send(Caller caller, Request request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(server.uri(request.path()))
            .timeout(Duration.ofSeconds(30))
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body()));
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    if (authorization.containsKey(caller)) {
      builder.header("Authorization", authorization.get(caller));
    }
    return server.sendUnchecked(builder.build());
  }

  /** Sends a request as the owner and answers the 2xx body (asserted). */
  JsonNode asOwner(Request request) {
    return ok(send(Caller.OWNER, request));
  }

  String tenant() {
    return tenant;
  }

  String ownerId() {
    return ownerId;
  }

  String memberId() {
    return memberId;
  }

  /** The format with a fresh name ({@code m1}, {@code m2}, …) for its {@code %s}. */
  String named(String format) {
    return format.formatted("m" + names.incrementAndGet());
  }

  String ownerSession() {
    return asOwner(
            Request.post(
                "/sessions", "{\"config\": {\"provider\": \"mock\", \"model\": \"scripted-1\"}}"))
        .path("id")
        .asText();
  }

  /** The path of a message of a run of the owner (made once; the rows only read it). */
  String ownerMessage() {
    if (ownerMessage == null) {
      String session = ownerSession();
      assertThat(
              send(
                      Caller.OWNER,
                      Request.post(
                          "/sessions/" + session + "/messages", "{\"content\": \"hello\"}"))
                  .statusCode())
          .isEqualTo(200);
      JsonNode messages = asOwner(Request.get("/sessions/" + session + "/messages"));
      ownerMessage = "/sessions/" + session + "/messages/" + messages.findValue("id").asText();
      JsonNode runs = asOwner(Request.get("/sessions/" + session + "/runs"));
      ownerRun = "/sessions/" + session + "/runs/" + runs.findValue("id").asText();
    }
    return ownerMessage;
  }

  String ownerRun() {
    ownerMessage();
    return ownerRun;
  }

  String ownerAgent() {
    return asOwner(Request.post("/agents", named("{\"name\": \"%s\"}"))).path("name").asText();
  }

  String ownerA2aAgent() {
    if (ownerA2aAgent == null) {
      ownerA2aAgent =
          asOwner(Request.post("/agents", named("{\"name\": \"%s\", \"a2a_exposed\": true}")))
              .path("name")
              .asText();
    }
    return ownerA2aAgent;
  }

  String skill() {
    return skill(named("%s"));
  }

  static String skill(String name) {
    return ("{\"name\": \"%s\", \"content\": \"---\\nname: %s\\ndescription: A skill\\n---\\n#"
            + " Skill\"}")
        .formatted(name, name);
  }

  String ownerSkill() {
    return asOwner(Request.post("/skills", skill())).path("name").asText();
  }

  String mcpServer() {
    return named(
        "{\"name\": \"%s\", \"url\": \"https://mcp.example.com/sse\", \"enabled\": false}");
  }

  String ownerMcpServer() {
    return asOwner(Request.post("/mcp-servers", mcpServer())).path("name").asText();
  }

  String provider() {
    return named("{\"id\": \"%s\", \"provider\": \"mock\", \"model\": \"scripted-1\"}");
  }

  String ownerProvider() {
    return asOwner(Request.post("/models/providers", provider())).path("id").asText();
  }

  /**
   * A Python code tool (docs/tools.md) with a fresh name; registering it loads it in the sandbox.
   */
  String tool() {
    return named(
        "{\"name\": \"%s\", \"code\": \"from langchain_core.tools import tool\\n\\n@tool\\n"
            + "def echo(text: str) -> str:\\n    \\\"\\\"\\\"Echoes the text.\\\"\\\"\\\"\\n"
            + "    return text\\n\"}");
  }

  String ownerTool() {
    return asOwner(Request.post("/tools", tool())).path("name").asText();
  }

  String artifact() {
    return named(
        "{\"id\": \"%s\", \"name\": \"Plan\", \"artifact_type\": \"artifact\", \"content\":"
            + " \"v1\", \"content_type\": \"text/markdown\"}");
  }

  String ownerArtifact() {
    return asOwner(Request.post("/artifacts", artifact())).path("id").asText();
  }

  Request ownerLoginForm() {
    return new Request(
        "POST",
        "/api/v1/auth/login",
        "username=owner%40example.com&password=" + Accounts.PASSWORD.replace(' ', '+'),
        "application/x-www-form-urlencoded");
  }

  String ownerApiKey() {
    return asOwner(Request.post("/api/v1/auth/api-keys", "{\"name\": \"doomed\"}"))
        .path("id")
        .asText();
  }

  /** The extra user, made sure not to be a member of the owner's tenant. */
  String extraUserOutsideTenant() {
    send(
        Caller.OWNER,
        Request.delete("/api/v1/permissions/tenants/" + tenant + "/users/" + extraId));
    return extraId;
  }

  /** The extra user, made sure to be a member of the owner's tenant. */
  String extraUserInTenant() {
    send(
        Caller.OWNER,
        Request.post(
            "/api/v1/permissions/users/" + extraId + "/tenants?tenant_id=" + tenant, null));
    return extraId;
  }

  /** A fresh role of the owner's tenant, held by the member when asked. */
  String ownerRole(boolean heldByMember) {
    String role =
        asOwner(Request.post(named("/api/v1/permissions/roles?role_name=%s"), null))
            .path("role_id")
            .asText();
    if (heldByMember) {
      asOwner(
          Request.post("/api/v1/permissions/users/" + memberId + "/roles?role_id=" + role, null));
    }
    return role;
  }

  String ownerAgentIdentity() {
    return asOwner(Request.post(named("/api/v1/agents/create?name=%s"), null))
        .path("agentId")
        .asText();
  }

  /** Registers a connection of the caller (none for an anonymous caller) and answers its name. */
  String connectionOf(Caller caller) {
    String name = named("%s");
    if (caller != Caller.ANONYMOUS) {
      ok(
          send(
              caller,
              Request.post(
                  "/api/v1/agents/register", "{\"agent_session_name\": \"" + name + "\"}")));
    }
    return name;
  }

  /** An agent identity of the owner with an active connection (made once). */
  String connectedOwnerAgent() {
    if (connectedOwnerAgent == null) {
      JsonNode agent = asOwner(Request.post(named("/api/v1/agents/create?name=%s"), null));
      HttpResponse<String> registered =
          server.post(
              "/api/v1/agents/register",
              "{\"agent_session_name\": \"job\"}",
              "X-API-Key",
              agent.path("agentApiKey").asText());
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      connectedOwnerAgent = agent.path("agentId").asText();
    }
    return connectedOwnerAgent;
  }

  /** A fresh dataset of the owner with one text item; answers {@code [dataset_id, data_id]}. */
  String[] ownerDataset() {
    JsonNode added =
        asOwner(
            Request.post(
                "/api/v1/add",
                named("{\"data\": \"Alice Smith works at Acme Corp.\", \"datasetName\": \"%s\"}")));
    return new String[] {
      added.path("dataset_id").asText(),
      added.path("data_ingestion_info").get(0).path("data_id").asText()
    };
  }

  /**
   * A cognified dataset of the owner (made once; rows that use it only read it or cognify it
   * again): answers {@code [dataset_id, data_id, pipeline_run_id]}.
   */
  String[] cognifiedDataset() {
    if (cognified == null) {
      String[] dataset = ownerDataset();
      JsonNode run =
          asOwner(Request.post("/api/v1/cognify", "{\"dataset_ids\": [\"" + dataset[0] + "\"]}"));
      cognified =
          new String[] {
            dataset[0], dataset[1], run.path(dataset[0]).path("pipeline_run_id").asText()
          };
    }
    return cognified.clone();
  }

  /** A CHUNKS search of the cognified dataset of the owner. */
  String chunkSearch() {
    return "{\"search_type\": \"CHUNKS\", \"query\": \"Acme\", \"dataset_ids\": [\""
        + cognifiedDataset()[0]
        + "\"]}";
  }

  /** Gives the caller the scripted {@code mock} provider the memory LLM routes use. */
  void mockProviderOf(Caller caller) {
    if (caller != Caller.ANONYMOUS) {
      send(
          caller,
          Request.post(
              "/models/providers", "{\"id\": \"mock\", \"provider\": \"mock\", \"model\": \"m\"}"));
    }
  }

  /** A multipart/form-data request of text fields, {@code name, value, name, value, …}. */
  static Request multipart(String method, String path, String... fields) {
    String boundary = "matrix-boundary";
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(fields[i])
          .append("\"\r\n\r\n")
          .append(fields[i + 1])
          .append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return new Request(method, path, body.toString(), "multipart/form-data; boundary=" + boundary);
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return TestServer.json(response);
  }
}
