package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.llm.BedrockWire;
import dev.cogent.llm.FakeProviderServer;
import dev.cogent.llm.FakeProviderServer.Reply;
import dev.cogent.llm.GoogleServiceAccounts;
import dev.cogent.llm.WireFormats;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provider configs, resolution and real provider calls over HTTP; SQLite and PostgreSQL. */
abstract class ProvidersApiContract {

  static final String[] ALICE = {"X-Cognition-Scope-User", "alice"};
  static final String[] BOB = {"X-Cognition-Scope-User", "bob"};
  static final Map<String, String> SCOPING =
      Map.of("COGENT_SCOPING_ENABLED", "true", "COGENT_SCOPE_KEYS", "user");
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  final FakeProviderServer fake = new FakeProviderServer();
  final FakeProviderServer other = new FakeProviderServer();
  private final List<TestServer> servers = new ArrayList<>();

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
    fake.close();
    other.close();
  }

  static final String OPENAI =
      """
      {"id": "my-openai", "provider": "openai", "model": "gpt-4o",
       "api_key_env": "OPENAI_API_KEY", "priority": 5, "scope": {}}
      """;

  String compatible(String id, int priority) {
    return "{\"id\": \""
        + id
        + "\", \"provider\": \"openai_compatible\", \"model\": \"llama3\", \"base_url\": \""
        + fake.url("/v1")
        + "\", \"api_key_env\": \"COMPAT_KEY\", \"priority\": "
        + priority
        + "}";
  }

  @Test
  void a_created_config_gets_the_spec_defaults_and_is_listed() {
    TestServer server = start(Map.of());

    HttpResponse<String> created =
        server.post(
            "/models/providers",
            "{\"id\": \"p1\", \"provider\": \"anthropic\", \"model\": \"claude-sonnet-4-20250514\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode config = TestServer.json(created);
    assertThat(config.path("enabled").asBoolean()).isTrue();
    assertThat(config.path("priority").asInt()).isZero();
    assertThat(config.path("max_retries").asInt()).isEqualTo(2);
    assertThat(config.path("source").asText()).isEqualTo("api");
    assertThat(config.path("base_url").isNull()).isTrue();
    JsonNode list = TestServer.json(server.get("/models/providers"));
    assertThat(list.path("count").asInt()).isEqualTo(1);
    assertThat(list.path("providers").get(0).path("id").asText()).isEqualTo("p1");
  }

  @Test
  void the_spec_rules_for_transport_fields_are_422() {
    TestServer server = start(Map.of());
    Map<String, String> invalid = new HashMap<>();
    invalid.put(
        "{\"id\": \"a\", \"provider\": \"openai_compatible\", \"model\": \"m\"}", "base_url");
    invalid.put(
        "{\"id\": \"a\", \"provider\": \"openai\", \"model\": \"m\", \"base_url\": \"http://x\"}",
        "base_url");
    invalid.put("{\"id\": \"a\", \"provider\": \"bedrock\", \"model\": \"m\"}", "region");
    invalid.put(
        "{\"id\": \"a\", \"provider\": \"openai\", \"model\": \"m\", \"region\": \"us-east-1\"}",
        "region");
    invalid.put(
        "{\"id\": \"a\", \"provider\": \"anthropic\", \"model\": \"m\", \"role_arn\": \"arn:x\"}",
        "role_arn");
    invalid.put("{\"id\": \"a\", \"provider\": \"cohere\", \"model\": \"m\"}", "provider");
    invalid.put(
        "{\"id\": \"a\", \"provider\": \"openai\", \"model\": \"m\", \"api_key_env\": \"sk-123\"}",
        "api_key_env");
    invalid.put("{\"id\": \"-bad\", \"provider\": \"openai\", \"model\": \"m\"}", "id");

    invalid.forEach(
        (body, field) -> {
          HttpResponse<String> response = server.post("/models/providers", body);
          assertThat(response.statusCode()).as(body).isEqualTo(422);
          assertThat(response.body()).as(body).contains(field);
        });
    assertThat(TestServer.json(server.get("/models/providers")).path("count").asInt()).isZero();
  }

  @Test
  void bedrock_takes_region_and_role_arn() {
    TestServer server = start(Map.of());

    HttpResponse<String> created =
        server.post(
            "/models/providers",
            "{\"id\": \"b\", \"provider\": \"bedrock\", \"model\": \"m\", \"region\":"
                + " \"us-east-1\", \"role_arn\": \"arn:aws:iam::1:role/x\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(TestServer.json(created).path("region").asText()).isEqualTo("us-east-1");
  }

  @Test
  void a_second_create_of_the_same_id_and_scope_is_409() {
    TestServer server = start(Map.of());
    server.post("/models/providers", OPENAI);

    assertThat(server.post("/models/providers", OPENAI).statusCode()).isEqualTo(409);
  }

  @Test
  void patch_is_revalidated_as_a_whole_and_an_invalid_one_changes_nothing() {
    TestServer server = start(Map.of());
    server.post("/models/providers", OPENAI);

    HttpResponse<String> invalid =
        server.patch("/models/providers/my-openai", "{\"provider\": \"openai_compatible\"}");
    HttpResponse<String> valid =
        server.patch(
            "/models/providers/my-openai", "{\"model\": \"gpt-4o-mini\", \"enabled\": false}");

    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.body()).contains("base_url");
    assertThat(valid.statusCode()).isEqualTo(200);
    JsonNode config = TestServer.json(valid);
    assertThat(config.path("provider").asText()).isEqualTo("openai");
    assertThat(config.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(config.path("enabled").asBoolean()).isFalse();
    assertThat(config.path("priority").asInt()).isEqualTo(5);
    assertThat(server.patch("/models/providers/nope", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void delete_removes_a_config_and_then_it_is_404() {
    TestServer server = start(Map.of());
    server.post("/models/providers", OPENAI);

    assertThat(server.delete("/models/providers/my-openai").statusCode()).isEqualTo(204);
    assertThat(server.delete("/models/providers/my-openai").statusCode()).isEqualTo(404);
  }

  @Test
  void configs_of_another_scope_are_invisible() {
    TestServer server = start(SCOPING);
    server.post(
        "/models/providers", "{\"id\": \"mine\", \"provider\": \"mock\", \"model\": \"m\"}", ALICE);

    assertThat(TestServer.json(server.get("/models/providers", ALICE)).path("count").asInt())
        .isEqualTo(1);
    assertThat(TestServer.json(server.get("/models/providers", BOB)).path("count").asInt())
        .isZero();
    assertThat(server.patch("/models/providers/mine", "{\"priority\": 1}", BOB).statusCode())
        .isEqualTo(404);
    assertThat(server.delete("/models/providers/mine", BOB).statusCode()).isEqualTo(404);
  }

  @Test
  void the_environment_bootstraps_file_rows_that_hold_no_key_and_refuse_changes() {
    TestServer server =
        start(Map.of("OPENAI_API_KEY", "sk-secret-value", "ANTHROPIC_API_KEY", "sk-ant-secret"));

    HttpResponse<String> list = server.get("/models/providers");

    assertThat(list.body()).doesNotContain("sk-secret-value", "sk-ant-secret");
    JsonNode providers = TestServer.json(list).path("providers");
    assertThat(providers).hasSize(2);
    assertThat(providers.get(0).path("id").asText()).isEqualTo("anthropic");
    assertThat(providers.get(1).path("provider").asText()).isEqualTo("openai");
    assertThat(providers.get(1).path("source").asText()).isEqualTo("file");
    assertThat(server.patch("/models/providers/openai", "{\"priority\": 3}").statusCode())
        .isEqualTo(409);
    assertThat(server.delete("/models/providers/openai").statusCode()).isEqualTo(409);
  }

  @Test
  void session_config_is_validated_against_the_enabled_configs() {
    TestServer server = start(Map.of());
    server.post("/models/providers", "{\"id\": \"m1\", \"provider\": \"mock\", \"model\": \"x\"}");
    server.post("/models/providers", compatible("c1", 1).replace("llama3", "x"));

    HttpResponse<String> unknownId =
        server.post("/sessions", "{\"config\": {\"provider_id\": \"nope\"}}");
    HttpResponse<String> ambiguous = server.post("/sessions", "{\"config\": {\"model\": \"x\"}}");
    HttpResponse<String> bound =
        server.post("/sessions", "{\"config\": {\"provider_id\": \"m1\"}}");

    assertThat(unknownId.statusCode()).isEqualTo(422);
    assertThat(ambiguous.statusCode()).isEqualTo(422);
    assertThat(ambiguous.body()).contains("mock", "openai_compatible");
    assertThat(bound.statusCode()).isEqualTo(201);
  }

  @Test
  void a_session_bound_by_provider_id_streams_the_providers_tokens() {
    fake.enqueue(Reply.stream(WireFormats.openAiText("llama3", 9, "Hello", " from", " fake")));
    TestServer server = start(Map.of("COMPAT_KEY", "compat-secret"));
    server.post("/models/providers", compatible("local", 0));
    String session =
        TestServer.json(server.post("/sessions", "{\"config\": {\"provider_id\": \"local\"}}"))
            .path("id")
            .asText();

    List<SseClient.Frame> frames;
    try (SseClient stream =
        SseClient.post(
            server, "/sessions/" + session + "/messages", "{\"content\": \"Say hello\"}")) {
      frames = stream.readToEnd(WAIT);
    }

    List<String> tokens =
        frames.stream()
            .filter(f -> f.event().equals("token"))
            .map(f -> f.data().path("content").asText())
            .toList();
    assertThat(tokens).containsExactly("Hello", " from", " fake");
    assertThat(frames.get(frames.size() - 1).event()).isEqualTo("done");
    JsonNode usage =
        frames.stream().filter(f -> f.event().equals("usage")).findFirst().orElseThrow().data();
    assertThat(usage.path("provider").asText()).isEqualTo("openai_compatible");
    assertThat(usage.path("input_tokens").asInt()).isEqualTo(9);
    assertThat(fake.received().get(0).headers())
        .containsEntry("authorization", "Bearer compat-secret");
    assertThat(fake.received().get(0).body()).contains("Say hello");
  }

  @Test
  void without_a_session_config_the_first_enabled_provider_by_priority_answers() {
    fake.enqueue(Reply.stream(WireFormats.openAiText("llama3", 3, "first")));
    TestServer server = start(Map.of());
    server.post(
        "/models/providers",
        "{\"id\": \"later\", \"provider\": \"mock\", \"model\": \"m\", \"priority\": 9}");
    server.post("/models/providers", compatible("sooner", 1));
    String session = TestServer.json(server.post("/sessions", "{}")).path("id").asText();

    List<SseClient.Frame> frames;
    try (SseClient stream =
        SseClient.post(server, "/sessions/" + session + "/messages", "{\"content\": \"hi\"}")) {
      frames = stream.readToEnd(WAIT);
    }

    assertThat(frames)
        .anySatisfy(
            f -> {
              assertThat(f.event()).isEqualTo("token");
              assertThat(f.data().path("content").asText()).isEqualTo("first");
            });
    assertThat(fake.received()).hasSize(1);
  }

  @Test
  void a_mock_provider_row_runs_the_scripted_model() {
    TestServer server = start(Map.of());
    server.post("/models/providers", "{\"id\": \"m\", \"provider\": \"mock\", \"model\": \"s\"}");
    String session = TestServer.json(server.post("/sessions", "{}")).path("id").asText();

    List<SseClient.Frame> frames;
    try (SseClient stream =
        SseClient.post(
            server, "/sessions/" + session + "/messages", "{\"content\": \"/reply Scripted\"}")) {
      frames = stream.readToEnd(WAIT);
    }

    assertThat(frames)
        .anySatisfy(f -> assertThat(f.data().path("content").asText()).isEqualTo("Scripted"));
  }

  @Test
  void the_provider_test_reports_success_and_failure_as_200() {
    fake.enqueue(Reply.stream(WireFormats.openAiText("llama3", 3, "Hello")))
        .enqueue(Reply.json(401, WireFormats.OPENAI_BAD_KEY));
    TestServer server = start(Map.of());
    server.post("/models/providers", compatible("local", 0));
    server.patch("/models/providers/local", "{\"max_retries\": 0}");

    JsonNode ok = TestServer.json(server.post("/models/providers/local/test", null));
    HttpResponse<String> failed = server.post("/models/providers/local/test", null);

    assertThat(ok.path("success").asBoolean()).isTrue();
    assertThat(ok.path("response_preview").asText()).isEqualTo("Hello");
    assertThat(failed.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(failed).path("success").asBoolean()).isFalse();
    assertThat(TestServer.json(failed).path("message").asText()).contains("Incorrect API key");
    assertThat(server.post("/models/providers/nope/test", null).statusCode()).isEqualTo(404);
  }

  @Test
  void bedrock_and_vertex_configs_answer_a_session_the_provider_test_and_show_in_config() {
    fake.enqueue(BedrockWire.streamText(5, "from", " bedrock"));
    other.enqueue(Reply.stream(WireFormats.geminiText("gemini-2.5-pro", 3, "Hello")));
    try (FakeProviderServer oauth = new FakeProviderServer()) {
      oauth.enqueue(GoogleServiceAccounts.token("ya29.it-token", 3600));
      Path key = GoogleServiceAccounts.write(dir, oauth.url("/token"));
      TestServer server =
          start(
              Map.of(
                  "AWS_ACCESS_KEY_ID", "AKIDCOGENTIT",
                  "AWS_SECRET_ACCESS_KEY", "it-secret",
                  "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", fake.url(""),
                  "GOOGLE_APPLICATION_CREDENTIALS", key.toString(),
                  "GOOGLE_VERTEX_BASE_URL", other.url("")));
      server.post(
          "/models/providers",
          "{\"id\": \"aws\", \"provider\": \"bedrock\", \"model\":"
              + " \"anthropic.claude-3-5-haiku-20241022-v1:0\", \"region\": \"eu-west-1\"}");
      server.post(
          "/models/providers",
          "{\"id\": \"vertex\", \"provider\": \"google_vertexai\", \"model\":"
              + " \"gemini-2.5-pro\", \"priority\": 3,"
              + " \"extra\": {\"project\": \"cogent-it\", \"location\": \"europe-west4\"}}");
      String session =
          TestServer.json(server.post("/sessions", "{\"config\": {\"provider_id\": \"aws\"}}"))
              .path("id")
              .asText();

      List<SseClient.Frame> frames = send(server, session, "hi");
      JsonNode tested = TestServer.json(server.post("/models/providers/vertex/test", null));
      JsonNode config = TestServer.json(server.get("/config"));

      assertThat(tokens(frames)).containsExactly("from", " bedrock");
      assertThat(fake.received().get(0).path())
          .isEqualTo("/model/anthropic.claude-3-5-haiku-20241022-v1:0/converse-stream");
      assertThat(fake.received().get(0).headers().get("authorization"))
          .contains("Credential=AKIDCOGENTIT/")
          .contains("/eu-west-1/bedrock/");
      assertThat(tested.path("success").asBoolean()).isTrue();
      assertThat(tested.path("response_preview").asText()).isEqualTo("Hello");
      assertThat(other.received().get(0).path())
          .isEqualTo(
              "/v1/projects/cogent-it/locations/europe-west4/publishers/google/models/"
                  + "gemini-2.5-pro:streamGenerateContent");
      assertThat(other.received().get(0).headers())
          .containsEntry("authorization", "Bearer ya29.it-token");
      JsonNode available = config.path("llm").path("available_providers");
      assertThat(available.findValuesAsText("id")).containsExactly("bedrock", "google_vertexai");
      assertThat(available.get(0).path("models").get(0).asText())
          .isEqualTo("anthropic.claude-3-5-haiku-20241022-v1:0");
    }
  }

  List<SseClient.Frame> send(TestServer server, String session, String content) {
    try (SseClient stream =
        SseClient.post(
            server, "/sessions/" + session + "/messages", "{\"content\": \"" + content + "\"}")) {
      return stream.readToEnd(WAIT);
    }
  }

  static List<String> tokens(List<SseClient.Frame> frames) {
    return frames.stream()
        .filter(f -> f.event().equals("token"))
        .map(f -> f.data().path("content").asText())
        .toList();
  }

  @Test
  void a_session_bound_by_provider_and_model_reaches_that_types_server() {
    other.enqueue(Reply.stream(WireFormats.geminiText("gemini-2.5-pro", 7, "from", " gemini")));
    TestServer server =
        start(
            Map.of(
                "COMPAT_KEY", "compat-secret",
                "GOOGLE_API_KEY", "google-secret",
                "GOOGLE_GEMINI_BASE_URL", other.url("/v1beta")));
    server.post("/models/providers", compatible("first", 0));
    server.post(
        "/models/providers",
        "{\"id\": \"gemini\", \"provider\": \"google_genai\", \"model\": \"gemini-2.5-flash\","
            + " \"priority\": 7}");
    String session =
        TestServer.json(
                server.post(
                    "/sessions",
                    "{\"config\": {\"provider\": \"google_genai\", \"model\": \"gemini-2.5-pro\"}}"))
            .path("id")
            .asText();

    List<SseClient.Frame> frames = send(server, session, "hi");

    assertThat(tokens(frames)).containsExactly("from", " gemini");
    assertThat(frames.get(frames.size() - 1).event()).isEqualTo("done");
    assertThat(fake.received()).isEmpty();
    assertThat(other.received()).hasSize(1);
    assertThat(other.received().get(0).path())
        .isEqualTo("/v1beta/models/gemini-2.5-pro:streamGenerateContent");
    assertThat(other.received().get(0).headers()).containsEntry("x-goog-api-key", "google-secret");
  }

  @Test
  void a_session_of_an_agent_uses_the_agents_model_before_the_priority_fallback() {
    other.enqueue(
        Reply.stream(WireFormats.anthropicText("claude-3-5-haiku-20241022", 5, "agent", " model")));
    TestServer server =
        start(
            Map.of(
                "COMPAT_KEY", "compat-secret",
                "ANTHROPIC_API_KEY", "ant-secret",
                "ANTHROPIC_BASE_URL", other.url("/v1/")));
    server.post("/models/providers", compatible("first", 0));
    assertThat(
            server
                .post(
                    "/agents",
                    "{\"name\": \"haiku-writer\", \"system_prompt\": \"Write haiku.\","
                        + " \"model\": \"anthropic:claude-3-5-haiku-20241022\"}")
                .statusCode())
        .isEqualTo(201);
    String session =
        TestServer.json(server.post("/sessions", "{\"agent_name\": \"haiku-writer\"}"))
            .path("id")
            .asText();

    List<SseClient.Frame> frames = send(server, session, "hi");

    assertThat(tokens(frames)).containsExactly("agent", " model");
    assertThat(fake.received()).isEmpty();
    assertThat(other.received()).hasSize(1);
    assertThat(other.received().get(0).headers()).containsEntry("x-api-key", "ant-secret");
    assertThat(other.received().get(0).body()).contains("claude-3-5-haiku-20241022");
  }

  @Test
  void without_session_or_agent_settings_the_lowest_priority_number_wins_among_servers() {
    other.enqueue(Reply.stream(WireFormats.openAiText("llama3", 3, "near")));
    TestServer server = start(Map.of("COMPAT_KEY", "compat-secret"));
    server.post("/models/providers", compatible("far", 4));
    server.post(
        "/models/providers", compatible("near", 2).replace(fake.url("/v1"), other.url("/v1")));
    String session = TestServer.json(server.post("/sessions", "{}")).path("id").asText();

    List<SseClient.Frame> frames = send(server, session, "hi");

    assertThat(tokens(frames)).containsExactly("near");
    assertThat(fake.received()).isEmpty();
    assertThat(other.received()).hasSize(1);
  }
}
