package dev.cogent.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.TestServer;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's registry, artifact and identity resources against a real server. */
class ResourcesIT {

  @TempDir Path dir;
  private TestServer server;
  private CogentClient cogent;

  @BeforeEach
  void start() {
    server = TestServer.start(DatabaseKind.SQLITE, dir, Map.of(), InstantSource.system());
    cogent = CogentClient.builder(server.uri("").toString()).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void creates_reads_updates_and_deletes_agents() {
    Agent created =
        cogent
            .agents()
            .create(
                AgentRequest.named("reviewer")
                    .withSystemPrompt("Review code.")
                    .withMode("primary")
                    .withInterruptOn(Map.of("write_file", true)));
    Agent patched =
        cogent.agents().update("reviewer", AgentRequest.named(null).withModel("scripted"));

    assertThat(created.source()).isEqualTo("api");
    assertThat(created.interruptOn()).containsEntry("write_file", true);
    assertThat(patched.model()).isEqualTo("scripted");
    assertThat(patched.systemPrompt()).isEqualTo("Review code.");
    assertThat(cogent.agents().list())
        .extracting(Agent::name)
        .contains("default", "readonly", "reviewer");
    assertThat(cogent.agents().get("default").isNative()).isTrue();

    cogent.agents().delete("reviewer");
    assertThatThrownBy(() -> cogent.agents().get("reviewer"))
        .isInstanceOfSatisfying(CogentException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> cogent.agents().delete("default"))
        .isInstanceOfSatisfying(CogentException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void creates_replaces_and_deletes_skills() {
    String text = "---\nname: testing\ndescription: How we test\n---\n# Testing\nUse AssertJ.\n";
    Skill created = cogent.skills().create(SkillRequest.of("testing", text));
    Skill replaced =
        cogent.skills().replace("testing", SkillRequest.of("testing", text + "More.\n"));

    assertThat(created.description()).isEqualTo("How we test");
    assertThat(replaced.content()).endsWith("More.\n");
    assertThat(cogent.skills().list()).extracting(Skill::name).containsExactly("testing");

    cogent.skills().delete("testing");
    assertThat(cogent.skills().list()).isEmpty();
    assertThatThrownBy(() -> cogent.skills().create(SkillRequest.of("bad", "no front matter")))
        .isInstanceOfSatisfying(
            CogentException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_ERROR"));
  }

  @Test
  void manages_and_tests_provider_configs_and_lists_models() {
    ProviderConfig created =
        cogent.providers().create(ProviderRequest.of("mock-1", "mock", "scripted"));
    ProviderConfig updated =
        cogent
            .providers()
            .update(
                "mock-1",
                new ProviderRequest(
                    null, null, null, null, null, null, 5, null, null, null, null, null, null));
    ProviderTestResult tested = cogent.providers().test("mock-1");

    assertThat(created.enabled()).isTrue();
    assertThat(updated.priority()).isEqualTo(5);
    assertThat(tested.success()).isTrue();
    assertThat(cogent.providers().find("mock-1"))
        .hasValueSatisfying(p -> assertThat(p.model()).isEqualTo("scripted"));
    assertThatThrownBy(
            () -> cogent.providers().create(ProviderRequest.of("mock-1", "mock", "scripted")))
        .isInstanceOfSatisfying(CogentException.class, e -> assertThat(e.status()).isEqualTo(409));

    cogent.providers().delete("mock-1");
    assertThat(cogent.providers().find("mock-1")).isEmpty();
  }

  @Test
  void lists_the_model_catalog_of_enabled_provider_types() {
    cogent.providers().create(ProviderRequest.of("oa", "openai", "gpt-4o"));
    cogent.providers().create(ProviderRequest.of("mock-1", "mock", "scripted"));

    assertThat(cogent.providers().catalog("openai", "mini"))
        .isNotEmpty()
        .allSatisfy(
            model -> {
              assertThat(model.provider()).isEqualTo("openai");
              assertThat(model.id()).containsIgnoringCase("mini");
            });
    assertThat(cogent.providers().models("oa")).extracting(CatalogModel::id).contains("gpt-4o");
    assertThat(cogent.providers().models("mock-1")).isEmpty();
    assertThatThrownBy(() -> cogent.providers().models("none"))
        .isInstanceOfSatisfying(CogentException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void registers_reads_and_deletes_a_code_tool() {
    String code =
        "from langchain_core.tools import tool\n\n@tool\ndef shout(text: str) -> str:\n"
            + "    \"\"\"Upper-cases text.\"\"\"\n    return text.upper()\n";

    Tool created =
        cogent.tools().create(new ToolRequest("shout", code, null, null, null, null, null));

    assertThat(created.sourceType()).isEqualTo("api_code");
    assertThat(cogent.tools().get("shout").description()).isEqualTo("Upper-cases text.");
    assertThat(cogent.tools().list()).extracting(Tool::name).contains("read_file", "shout");

    cogent.tools().delete("shout");
    assertThatThrownBy(() -> cogent.tools().get("shout"))
        .isInstanceOfSatisfying(CogentException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void registers_updates_and_deletes_mcp_servers() {
    McpServer created =
        cogent
            .mcpServers()
            .create(
                new McpServerRequest(
                    "remote",
                    "http://127.0.0.1:1/sse",
                    "sse",
                    false,
                    Map.of("Authorization", "Bearer secret"),
                    null));
    McpServer updated =
        cogent
            .mcpServers()
            .update(
                "remote",
                new McpServerRequest(
                    null, "http://127.0.0.1:2/mcp", "streamable_http", null, null, null));

    assertThat(created.status()).isEqualTo("disabled");
    assertThat(updated.transport()).isEqualTo("streamable_http");
    assertThat(cogent.mcpServers().get("remote").url()).isEqualTo("http://127.0.0.1:2/mcp");
    assertThat(cogent.mcpServers().list()).extracting(McpServer::name).containsExactly("remote");

    cogent.mcpServers().delete("remote");
    assertThat(cogent.mcpServers().list()).isEmpty();
  }

  @Test
  void versions_artifacts() {
    Artifact first =
        cogent
            .artifacts()
            .create(
                ArtifactRequest.of("plan", "Plan", "artifact", "# v1")
                    .withContentType("text/markdown")
                    .withVisibility("public"));
    Artifact second = cogent.artifacts().update("plan", ArtifactUpdate.content("# v2"));

    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.parentVersion()).isEqualTo(1);
    assertThat(cogent.artifacts().get("plan").content()).isEqualTo("# v2");
    assertThat(cogent.artifacts().get("plan", 1).content()).isEqualTo("# v1");
    assertThat(cogent.artifacts().versions("plan"))
        .extracting(ArtifactVersion::version)
        .containsExactly(2, 1);
    assertThat(cogent.artifacts().list("artifact", null))
        .extracting(Artifact::id)
        .containsExactly("plan");
    assertThat(cogent.artifacts().list("eval", null)).isEmpty();

    cogent.artifacts().delete("plan");
    assertThatThrownBy(() -> cogent.artifacts().get("plan"))
        .isInstanceOfSatisfying(CogentException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void registers_logs_in_and_manages_api_keys_and_agent_identities() {
    User user = cogent.identity().register("ann@example.com", "a long password");
    AccessToken token = cogent.identity().login("ann@example.com", "a long password");
    CogentClient ann = cogent.withBearerToken(token.accessToken());

    assertThat(ann.identity().me().id()).isEqualTo(user.id());
    assertThat(token.toString()).doesNotContain(token.accessToken());

    CreatedApiKey key = ann.identity().createApiKey("ci");
    CogentClient withKey = cogent.withApiKey(key.key());
    assertThat(withKey.identity().me().email()).isEqualTo("ann@example.com");
    assertThat(ann.identity().listApiKeys())
        .singleElement()
        .satisfies(listed -> assertThat(listed.name()).isEqualTo("ci"));
    ann.identity().revokeApiKey(key.id());
    assertThat(ann.identity().listApiKeys()).isEmpty();
    assertThatThrownBy(() -> withKey.identity().me())
        .isInstanceOfSatisfying(CogentException.class, e -> assertThat(e.status()).isEqualTo(401));

    CreatedAgentIdentity agent = ann.identity().createAgent("helper");
    assertThat(ann.identity().listAgents())
        .extracting(AgentIdentity::agentId)
        .containsExactly(agent.agentId());
    assertThat(ann.identity().getAgent(agent.agentId()).agentEmail()).isEqualTo(agent.agentEmail());
    assertThat(cogent.withApiKey(agent.agentApiKey()).identity().me().parentUserId())
        .isEqualTo(user.id());
    ann.identity().deleteAgent(agent.agentId());
    assertThat(ann.identity().listAgents()).isEqualTo(List.of());
    assertThatThrownBy(() -> cogent.identity().login("ann@example.com", "wrong password"))
        .isInstanceOfSatisfying(CogentException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
