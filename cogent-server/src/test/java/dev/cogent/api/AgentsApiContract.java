package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent endpoints over real HTTP; runs on SQLite and PostgreSQL. */
abstract class AgentsApiContract {

  static final String[] ALICE = {"X-Cognition-Scope-User", "alice"};
  static final String[] BOB = {"X-Cognition-Scope-User", "bob"};
  static final Map<String, String> SCOPING =
      Map.of("COGENT_SCOPING_ENABLED", "true", "COGENT_SCOPE_KEYS", "user");

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private final List<TestServer> servers = new ArrayList<>();

  abstract DatabaseKind kind();

  TestServer start(Map<String, String> env) {
    TestServer server =
        TestServer.start(kind(), dir.resolve("server" + servers.size()), env, clock);
    servers.add(server);
    return server;
  }

  TestServer start() {
    return start(Map.of());
  }

  @AfterEach
  void stop() {
    servers.forEach(TestServer::close);
  }

  static HttpResponse<String> put(TestServer server, String path, String body, String... headers) {
    return server.send("PUT", path, body, headers);
  }

  static final String AUDITOR =
      """
      {"name": "security-auditor",
       "system_prompt": "You are a security expert. Audit code for vulnerabilities.",
       "description": "Audits code for security issues",
       "mode": "subagent", "tools": ["run_semgrep"], "skills": ["python-review"],
       "memory": ["AGENTS.md"], "interrupt_on": {"execute": true},
       "model": "gpt-4o", "temperature": 0.1, "scope": {}}
      """;

  @Test
  void lists_the_built_in_agents() {
    TestServer server = start();

    JsonNode agents = TestServer.json(server.get("/agents")).path("agents");

    assertThat(agents)
        .extracting(a -> a.path("name").asText())
        .containsExactly("default", "readonly");
    JsonNode def = agents.get(0);
    assertThat(def.path("description").asText())
        .isEqualTo("Full-access coding agent with all tools enabled");
    assertThat(def.path("native").asBoolean()).isTrue();
    assertThat(def.path("mode").asText()).isEqualTo("primary");
    assertThat(def.path("tools")).isEmpty();
    assertThat(def.path("source").asText()).isEqualTo("file");
    JsonNode readonly = TestServer.json(server.get("/agents/readonly"));
    assertThat(readonly.path("interrupt_on").path("write_file").asBoolean()).isTrue();
    assertThat(readonly.path("interrupt_on").path("edit_file").asBoolean()).isTrue();
    assertThat(readonly.path("interrupt_on").path("execute").asBoolean()).isTrue();
  }

  @Test
  void creates_gets_and_lists_an_agent_as_the_spec_shows() {
    TestServer server = start();

    HttpResponse<String> created = server.post("/agents", AUDITOR);

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode agent = TestServer.json(created);
    assertThat(agent.path("name").asText()).isEqualTo("security-auditor");
    assertThat(agent.path("mode").asText()).isEqualTo("subagent");
    assertThat(agent.path("native").asBoolean()).isFalse();
    assertThat(agent.path("hidden").asBoolean()).isFalse();
    assertThat(agent.path("a2a_exposed").asBoolean()).isFalse();
    assertThat(agent.path("source").asText()).isEqualTo("api");
    assertThat(agent.path("temperature").asDouble()).isEqualTo(0.1);
    assertThat(agent.path("interrupt_on").path("execute").asBoolean()).isTrue();
    assertThat(TestServer.json(server.get("/agents/security-auditor"))).isEqualTo(agent);
    assertThat(TestServer.json(server.get("/agents")).path("agents"))
        .extracting(a -> a.path("name").asText())
        .containsExactly("default", "readonly", "security-auditor");
  }

  @Test
  void post_replaces_an_api_agent_of_the_same_name_and_scope() {
    TestServer server = start();
    server.post("/agents", AUDITOR);

    HttpResponse<String> again =
        server.post("/agents", "{\"name\": \"security-auditor\", \"description\": \"v2\"}");

    assertThat(again.statusCode()).isEqualTo(201);
    JsonNode agent = TestServer.json(server.get("/agents/security-auditor"));
    assertThat(agent.path("description").asText()).isEqualTo("v2");
    assertThat(agent.path("tools")).isEmpty();
    assertThat(agent.path("mode").asText()).as("the API default mode").isEqualTo("all");
  }

  @Test
  void the_list_cuts_system_prompts_to_500_characters_and_get_does_not() {
    TestServer server = start();
    String prompt = "p".repeat(700);
    server.post("/agents", "{\"name\": \"long\", \"system_prompt\": \"" + prompt + "\"}");

    JsonNode agents = TestServer.json(server.get("/agents")).path("agents");

    assertThat(agents)
        .filteredOn(a -> a.path("name").asText().equals("long"))
        .singleElement()
        .satisfies(
            a -> assertThat(a.path("system_prompt").asText()).isEqualTo(prompt.substring(0, 500)));
    assertThat(TestServer.json(server.get("/agents/long")).path("system_prompt").asText())
        .isEqualTo(prompt);
  }

  @Test
  void invalid_definitions_are_422_naming_every_field() {
    TestServer server = start();

    HttpResponse<String> response =
        server.post(
            "/agents",
            """
            {"name": "bad name!", "mode": "boss", "temperature": 2.5, "tools": [""]}
            """);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(response).path("details").path("errors"))
        .extracting(e -> e.path("field").asText())
        .containsExactlyInAnyOrder("name", "mode", "temperature", "tools.0");
    assertThat(server.post("/agents", "{\"description\": \"no name\"}").statusCode())
        .isEqualTo(422);
    assertThat(server.post("/agents", "{\"name\": \"" + "n".repeat(101) + "\"}").statusCode())
        .isEqualTo(422);
    assertThat(server.post("/agents", "{\"name\": \"x\", \"native\": true}").statusCode())
        .as("native is read-only")
        .isEqualTo(422);
    assertThat(
            server
                .post("/agents", "{\"name\": \"x\", \"scope\": {\"user\": \"alice\"}}")
                .statusCode())
        .as("a scope outside the caller's")
        .isEqualTo(422);
  }

  @Test
  void put_replaces_patch_changes_only_given_fields_and_delete_removes() {
    TestServer server = start();
    server.post("/agents", AUDITOR);

    HttpResponse<String> patched =
        server.patch(
            "/agents/security-auditor",
            "{\"system_prompt\": \"Updated prompt.\", \"model\": null, \"temperature\": 0.5}");
    assertThat(patched.statusCode()).isEqualTo(200);
    JsonNode agent = TestServer.json(patched);
    assertThat(agent.path("system_prompt").asText()).isEqualTo("Updated prompt.");
    assertThat(agent.path("model").isNull()).as("explicit null clears").isTrue();
    assertThat(agent.path("temperature").asDouble()).isEqualTo(0.5);
    assertThat(agent.path("tools")).extracting(JsonNode::asText).containsExactly("run_semgrep");
    assertThat(agent.path("description").asText()).isEqualTo("Audits code for security issues");

    HttpResponse<String> replaced =
        put(
            server,
            "/agents/security-auditor",
            "{\"name\": \"security-auditor\", \"mode\": \"primary\"}");
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(replaced).path("tools")).isEmpty();
    assertThat(TestServer.json(replaced).path("mode").asText()).isEqualTo("primary");

    assertThat(server.delete("/agents/security-auditor").statusCode()).isEqualTo(204);
    assertThat(server.get("/agents/security-auditor").statusCode()).isEqualTo(404);
  }

  @Test
  void missing_agents_are_404_for_every_operation() {
    TestServer server = start();

    assertThat(server.get("/agents/ghost").statusCode()).isEqualTo(404);
    assertThat(put(server, "/agents/ghost", "{\"name\": \"ghost\"}").statusCode()).isEqualTo(404);
    assertThat(server.patch("/agents/ghost", "{\"description\": \"x\"}").statusCode())
        .isEqualTo(404);
    HttpResponse<String> deleted = server.delete("/agents/ghost");
    assertThat(deleted.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(deleted).path("code").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void put_with_another_name_in_the_body_is_422() {
    TestServer server = start();
    server.post("/agents", AUDITOR);

    HttpResponse<String> response =
        put(server, "/agents/security-auditor", "{\"name\": \"someone-else\"}");

    assertThat(response.statusCode()).isEqualTo(422);
  }

  @Test
  void built_in_agents_cannot_be_deleted_400_or_changed_409() {
    TestServer server = start();

    HttpResponse<String> deleted = server.delete("/agents/default");
    assertThat(deleted.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(deleted).path("code").asText()).isEqualTo("BAD_REQUEST");
    assertThat(server.patch("/agents/default", "{\"description\": \"mine\"}").statusCode())
        .isEqualTo(409);
    assertThat(put(server, "/agents/readonly", "{\"name\": \"readonly\"}").statusCode())
        .isEqualTo(409);
    assertThat(server.post("/agents", "{\"name\": \"default\"}").statusCode()).isEqualTo(409);
    assertThat(TestServer.json(server.get("/agents/default")).path("description").asText())
        .isEqualTo("Full-access coding agent with all tools enabled");
  }

  @Test
  void hidden_agents_are_left_out_of_list_and_get_but_can_own_sessions() {
    TestServer server = start();
    server.post("/agents", "{\"name\": \"ghostwriter\", \"hidden\": true, \"mode\": \"primary\"}");

    assertThat(TestServer.json(server.get("/agents")).path("agents"))
        .extracting(a -> a.path("name").asText())
        .doesNotContain("ghostwriter");
    assertThat(server.get("/agents/ghostwriter").statusCode()).isEqualTo(404);
    assertThat(server.post("/sessions", "{\"agent_name\": \"ghostwriter\"}").statusCode())
        .isEqualTo(201);
    HttpResponse<String> unhidden = server.patch("/agents/ghostwriter", "{\"hidden\": false}");
    assertThat(unhidden.statusCode()).isEqualTo(200);
    assertThat(server.get("/agents/ghostwriter").statusCode()).isEqualTo(200);
  }

  @Test
  void sessions_accept_a_primary_agent_and_reject_a_subagent() {
    TestServer server = start();
    server.post("/agents", "{\"name\": \"lead\", \"mode\": \"primary\"}");
    server.post("/agents", "{\"name\": \"both\"}");
    server.post("/agents", AUDITOR);

    assertThat(server.post("/sessions", "{\"agent_name\": \"lead\"}").statusCode()).isEqualTo(201);
    assertThat(server.post("/sessions", "{\"agent_name\": \"both\"}").statusCode()).isEqualTo(201);
    HttpResponse<String> rejected =
        server.post("/sessions", "{\"agent_name\": \"security-auditor\"}");
    assertThat(rejected.statusCode()).isEqualTo(422);
    assertThat(
            TestServer.json(rejected).path("details").path("errors").get(0).path("field").asText())
        .isEqualTo("agent_name");
    assertThat(rejected.body()).contains("lead").doesNotContain("known primary agents: security");
  }

  @Test
  void agents_of_two_scopes_are_isolated() {
    TestServer server = start(SCOPING);

    assertThat(
            server
                .post("/agents", "{\"name\": \"helper\", \"description\": \"alice's\"}", ALICE)
                .statusCode())
        .isEqualTo(201);
    assertThat(
            server
                .post("/agents", "{\"name\": \"helper\", \"description\": \"bob's\"}", BOB)
                .statusCode())
        .as("the same name in another scope is another row")
        .isEqualTo(201);

    JsonNode alices = TestServer.json(server.get("/agents/helper", ALICE));
    assertThat(alices.path("description").asText()).isEqualTo("alice's");
    assertThat(alices.path("scope").path("user").asText()).isEqualTo("alice");
    assertThat(server.delete("/agents/helper", BOB).statusCode()).isEqualTo(204);
    assertThat(server.get("/agents/helper", BOB).statusCode()).isEqualTo(404);
    assertThat(server.get("/agents/helper", ALICE).statusCode()).isEqualTo(200);
    assertThat(server.post("/sessions", "{\"agent_name\": \"helper\"}", BOB).statusCode())
        .isEqualTo(422);
    assertThat(server.post("/sessions", "{\"agent_name\": \"helper\"}", ALICE).statusCode())
        .isEqualTo(201);
    assertThat(
            server
                .post("/agents", "{\"name\": \"x\", \"scope\": {\"user\": \"bob\"}}", ALICE)
                .statusCode())
        .isEqualTo(422);
  }

  @Test
  void a_scoped_agent_overrides_a_global_one_of_the_same_name() {
    TestServer server = start(SCOPING);
    server.post(
        "/agents", "{\"name\": \"helper\", \"description\": \"global\", \"scope\": {}}", ALICE);
    server.post("/agents", "{\"name\": \"helper\", \"description\": \"alice's\"}", ALICE);

    assertThat(TestServer.json(server.get("/agents/helper", ALICE)).path("description").asText())
        .isEqualTo("alice's");
    assertThat(TestServer.json(server.get("/agents/helper", BOB)).path("description").asText())
        .isEqualTo("global");
    assertThat(TestServer.json(server.get("/agents", ALICE)).path("agents"))
        .filteredOn(a -> a.path("name").asText().equals("helper"))
        .hasSize(1);

    assertThat(server.delete("/agents/helper", ALICE).statusCode()).isEqualTo(204);
    assertThat(TestServer.json(server.get("/agents/helper", ALICE)).path("description").asText())
        .as("the global row shows again")
        .isEqualTo("global");
  }

  @Test
  void capabilities_report_agent_config_crud() {
    TestServer server = start();

    assertThat(
            TestServer.json(server.get("/capabilities"))
                .path("features")
                .path("agent_config_crud")
                .asBoolean())
        .isTrue();
  }
}
