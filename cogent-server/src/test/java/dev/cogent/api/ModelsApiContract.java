package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.llm.FakeProviderServer;
import dev.cogent.llm.FakeProviderServer.Reply;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model catalog over HTTP: {@code GET /models} and a provider config's models. */
abstract class ModelsApiContract {

  static final String[] ALICE = {"X-Cognition-Scope-User", "alice"};
  static final String[] BOB = {"X-Cognition-Scope-User", "bob"};
  static final Map<String, String> SCOPING =
      Map.of("COGENT_SCOPING_ENABLED", "true", "COGENT_SCOPE_KEYS", "user");

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private final List<TestServer> servers = new ArrayList<>();
  private final FakeProviderServer catalogServer = new FakeProviderServer();

  abstract DatabaseKind kind();

  TestServer start(Map<String, String> env) {
    TestServer server =
        TestServer.start(kind(), dir.resolve("server" + servers.size()), env, clock);
    servers.add(server);
    return server;
  }

  @AfterEach
  void stop() {
    servers.forEach(TestServer::close);
    catalogServer.close();
  }

  static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.path("models").forEach(model -> ids.add(model.path("id").asText()));
    return ids;
  }

  static List<String> providers(JsonNode list) {
    List<String> providers = new ArrayList<>();
    list.path("models").forEach(model -> providers.add(model.path("provider").asText()));
    return providers;
  }

  @Test
  void without_an_enabled_provider_the_catalog_is_empty() {
    TestServer server = start(Map.of());
    server.post(
        "/models/providers",
        "{\"id\": \"off\", \"provider\": \"openai\", \"model\": \"gpt-4o\", \"enabled\": false}");

    assertThat(ids(TestServer.json(server.get("/models")))).isEmpty();
  }

  @Test
  void only_the_types_of_enabled_configs_are_listed_with_the_spec_fields() {
    TestServer server = start(Map.of());
    server.post(
        "/models/providers", "{\"id\": \"o\", \"provider\": \"openai\", \"model\": \"gpt-4o\"}");
    server.post(
        "/models/providers",
        "{\"id\": \"c\", \"provider\": \"openai_compatible\", \"model\": \"llama3\","
            + " \"base_url\": \"http://localhost:11434/v1\"}");

    JsonNode list = TestServer.json(server.get("/models"));

    assertThat(providers(list)).isNotEmpty().containsOnly("openai");
    JsonNode gpt4o =
        list.path("models").findParents("id").stream()
            .filter(model -> model.path("id").asText().equals("gpt-4o"))
            .findFirst()
            .orElseThrow();
    assertThat(gpt4o.path("display_name").asText()).isEqualTo("GPT-4o");
    assertThat(gpt4o.path("context_window").asInt()).isEqualTo(128000);
    assertThat(gpt4o.path("output_limit").asInt()).isEqualTo(16384);
    assertThat(gpt4o.path("input_cost").asDouble()).isEqualTo(2.5);
    assertThat(gpt4o.path("output_cost").asDouble()).isEqualTo(10.0);
    assertThat(gpt4o.path("capabilities").toString()).contains("tool_call", "vision");
    assertThat(gpt4o.path("modalities").path("input").toString()).contains("text", "image");
    assertThat(gpt4o.path("family").asText()).isEqualTo("gpt");
    assertThat(gpt4o.has("status")).isTrue();
    assertThat(gpt4o.path("status").isNull()).isTrue();
  }

  @Test
  void filters_by_provider_tool_call_and_q() {
    TestServer server = start(Map.of());
    server.post(
        "/models/providers", "{\"id\": \"o\", \"provider\": \"openai\", \"model\": \"gpt-4o\"}");
    server.post(
        "/models/providers",
        "{\"id\": \"a\", \"provider\": \"anthropic\", \"model\": \"claude-sonnet-4-20250514\"}");

    JsonNode anthropic = TestServer.json(server.get("/models?provider=anthropic"));
    JsonNode bedrock = TestServer.json(server.get("/models?provider=bedrock"));
    JsonNode mini = TestServer.json(server.get("/models?q=MINI"));
    JsonNode tools = TestServer.json(server.get("/models?tool_call=true&q=gpt-4o"));

    assertThat(providers(anthropic)).isNotEmpty().containsOnly("anthropic");
    assertThat(ids(bedrock)).isEmpty();
    assertThat(ids(mini)).isNotEmpty().allSatisfy(id -> assertThat(id).contains("mini"));
    assertThat(ids(tools)).contains("gpt-4o", "gpt-4o-mini");
    assertThat(server.get("/models?tool_call=maybe").statusCode()).isEqualTo(422);
  }

  @Test
  void another_scopes_providers_do_not_open_the_catalog() {
    TestServer server = start(SCOPING);
    server.post(
        "/models/providers",
        "{\"id\": \"mine\", \"provider\": \"anthropic\", \"model\": \"claude-sonnet-4-20250514\"}",
        ALICE);

    assertThat(providers(TestServer.json(server.get("/models", ALICE))))
        .isNotEmpty()
        .containsOnly("anthropic");
    assertThat(ids(TestServer.json(server.get("/models", BOB)))).isEmpty();
    assertThat(server.get("/models/providers/mine/models", BOB).statusCode()).isEqualTo(404);
  }

  @Test
  void a_provider_configs_models_are_its_types_catalog() {
    TestServer server = start(Map.of());
    server.post(
        "/models/providers",
        "{\"id\": \"g\", \"provider\": \"google_genai\", \"model\": \"gemini-2.5-flash\"}");
    server.post(
        "/models/providers",
        "{\"id\": \"c\", \"provider\": \"openai_compatible\", \"model\": \"llama3\","
            + " \"base_url\": \"http://localhost:11434/v1\"}");

    JsonNode google = TestServer.json(server.get("/models/providers/g/models"));

    assertThat(ids(google)).contains("gemini-2.5-flash", "gemini-2.5-pro");
    assertThat(providers(google)).containsOnly("google_genai");
    assertThat(ids(TestServer.json(server.get("/models/providers/c/models")))).isEmpty();
    assertThat(server.get("/models/providers/nope/models").statusCode()).isEqualTo(404);
  }

  @Test
  void the_catalog_is_refreshed_from_the_configured_url() {
    catalogServer.enqueue(
        Reply.json(
            200,
            """
            {"anthropic": {"id": "anthropic", "models": {"claude-next": {
              "id": "claude-next", "name": "Claude Next", "family": "claude", "tool_call": true,
              "cost": {"input": 1, "output": 2}, "limit": {"context": 300000, "output": 8000},
              "modalities": {"input": ["text"], "output": ["text"]}}}}}
            """));
    TestServer server = start(Map.of("COGENT_MODEL_CATALOG_URL", catalogServer.url("/api.json")));
    server.post(
        "/models/providers",
        "{\"id\": \"a\", \"provider\": \"anthropic\", \"model\": \"claude-next\"}");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ids(TestServer.json(server.get("/models"))).equals(List.of("claude-next")));
    assertThat(catalogServer.received()).hasSize(1);
  }

  @Test
  void capabilities_report_the_model_catalog() {
    TestServer server = start(Map.of());

    assertThat(
            TestServer.json(server.get("/capabilities"))
                .path("features")
                .path("model_catalog")
                .asBoolean())
        .isTrue();
  }
}
