package dev.cogent.llm;

import static dev.cogent.llm.ModelCalls.call;
import static dev.cogent.llm.ModelCalls.hello;
import static dev.cogent.llm.ModelCalls.withTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.llm.FakeProviderServer.Received;
import dev.cogent.llm.FakeProviderServer.Reply;
import dev.cogent.llm.ModelCalls.Outcome;
import dev.cogent.testing.Observation;
import dev.cogent.tools.ManualCancellation;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Vertex AI client (the Gemini client on Vertex's URLs with an ADC token) against a fake Vertex
 * server and a fake OAuth token endpoint named by the service-account key the test writes.
 */
class VertexChatModelTest {

  private static final String MODEL = "gemini-2.5-pro";
  private static final String PATH =
      "/v1/projects/cogent-test/locations/us-central1/publishers/google/models/" + MODEL;
  private static final ObjectMapper MAPPER = new Json().mapper();

  @TempDir Path folder;

  private final FakeProviderServer vertex = new FakeProviderServer();
  private final FakeProviderServer oauth = new FakeProviderServer();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private ChatModels models;

  @BeforeEach
  void start() throws Exception {
    Path key = GoogleServiceAccounts.write(folder, oauth.url("/token"));
    models = models(Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString()));
  }

  @AfterEach
  void close() {
    models.close();
    vertex.close();
    oauth.close();
    scheduler.shutdownNow();
  }

  private ChatModels models(Map<String, String> more) {
    Map<String, String> environment = new LinkedHashMap<>(more);
    environment.put("GOOGLE_VERTEX_BASE_URL", vertex.url(""));
    return new ChatModels(
        environment,
        MAPPER,
        scheduler,
        Duration.ofMillis(5),
        Observation.untraced(),
        Observation.breakers(InstantSource.system()));
  }

  private static ModelChoice choice(int maxRetries, Map<String, Object> extra) {
    ProviderSpec spec =
        new ProviderSpec(
            "google_vertexai", MODEL, null, null, true, 0, maxRetries, null, null, null, extra);
    return new ModelChoice("google_vertexai", MODEL, "vertex", 0.2, 100, spec);
  }

  private StreamingChatModel open(int maxRetries) {
    return models.open(choice(maxRetries, Map.of()), new ManualCancellation());
  }

  @Test
  void streams_tokens_with_usage_to_the_project_and_location_path_with_an_adc_bearer_token()
      throws Exception {
    oauth.enqueue(GoogleServiceAccounts.token("ya29.first-token", 3600));
    vertex.enqueue(Reply.stream(WireFormats.geminiText(MODEL, 11, "Hello", " there")));

    Outcome outcome = call(open(2), hello(MODEL));

    assertThat(outcome.tokens()).containsExactly("Hello", " there");
    assertThat(outcome.response().tokenUsage().inputTokenCount()).isEqualTo(11);
    assertThat(outcome.response().tokenUsage().outputTokenCount()).isEqualTo(2);
    Received request = vertex.received().get(0);
    assertThat(request.path()).isEqualTo(PATH + ":streamGenerateContent");
    assertThat(request.headers()).containsEntry("authorization", "Bearer ya29.first-token");
    assertThat(request.headers()).doesNotContainKey("x-goog-api-key");
    JsonNode sent = MAPPER.readTree(request.body());
    assertThat(sent.get("contents").get(0).get("role").asText()).isEqualTo("user");
    assertThat(sent.get("contents").get(0).get("parts").get(0).get("text").asText())
        .isEqualTo("Hi");
    assertThat(sent.get("generationConfig").get("maxOutputTokens").asInt()).isEqualTo(100);
    Received grant = oauth.received().get(0);
    assertThat(grant.path()).isEqualTo("/token");
    assertThat(grant.body())
        .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")
        .contains("assertion=");
  }

  @Test
  void a_token_is_reused_until_it_nears_expiry_and_then_refreshed() throws Exception {
    // Google's library refreshes a token in its last minutes, so a 60 s token is refreshed at once.
    oauth
        .enqueue(GoogleServiceAccounts.token("ya29.short", 60))
        .enqueue(GoogleServiceAccounts.token("ya29.long", 3600));
    vertex
        .enqueue(Reply.stream(WireFormats.geminiText(MODEL, 1, "a")))
        .enqueue(Reply.stream(WireFormats.geminiText(MODEL, 1, "b")))
        .enqueue(Reply.stream(WireFormats.geminiText(MODEL, 1, "c")));

    call(open(0), hello(MODEL));
    call(open(0), hello(MODEL));
    call(open(0), hello(MODEL));

    assertThat(vertex.received())
        .extracting(request -> request.headers().get("authorization"))
        .containsExactly("Bearer ya29.short", "Bearer ya29.long", "Bearer ya29.long");
    assertThat(oauth.received()).hasSize(2);
  }

  @Test
  void a_tool_call_is_assembled_and_the_function_declarations_are_sent() throws Exception {
    oauth.enqueue(GoogleServiceAccounts.token("ya29.t", 3600));
    vertex.enqueue(Reply.stream(WireFormats.geminiToolCall(MODEL, "ls", "{\"path\": \".\"}")));

    Outcome outcome = call(open(0), withTool(MODEL));

    var toolCall = outcome.response().aiMessage().toolExecutionRequests().get(0);
    assertThat(toolCall.name()).isEqualTo("ls");
    assertThat(MAPPER.readTree(toolCall.arguments()).get("path").asText()).isEqualTo(".");
    assertThat(outcome.response().tokenUsage().inputTokenCount()).isEqualTo(40);
    JsonNode declaration =
        MAPPER
            .readTree(vertex.received().get(0).body())
            .get("tools")
            .get(0)
            .get("functionDeclarations")
            .get(0);
    assertThat(declaration.get("name").asText()).isEqualTo("ls");
    assertThat(declaration.get("parameters").get("properties").has("path")).isTrue();
  }

  @Test
  void a_429_is_retried_within_max_retries_and_a_permission_error_is_not() throws Exception {
    oauth.enqueue(GoogleServiceAccounts.token("ya29.t", 3600));
    vertex
        .enqueue(Reply.json(429, WireFormats.GEMINI_RATE_LIMITED))
        .enqueue(Reply.stream(WireFormats.geminiText(MODEL, 3, "ok")))
        .enqueue(
            Reply.json(
                403,
                "{\"error\":{\"code\":403,\"message\":\"Permission 'aiplatform.endpoints.predict'"
                    + " denied\",\"status\":\"PERMISSION_DENIED\"}}"))
        .enqueue(Reply.stream(WireFormats.geminiText(MODEL, 3, "never")));
    StreamingChatModel model = open(2);

    assertThat(call(model, hello(MODEL)).response().aiMessage().text()).isEqualTo("ok");
    assertThat(vertex.received()).hasSize(2);
    assertThatThrownBy(() -> call(model, hello(MODEL))).hasMessageContaining("denied");
    assertThat(vertex.received()).hasSize(3);
  }

  @Test
  void the_configs_project_and_location_choose_the_path() throws Exception {
    oauth.enqueue(GoogleServiceAccounts.token("ya29.t", 3600));
    vertex.enqueue(Reply.stream(WireFormats.geminiText(MODEL, 3, "ok")));

    call(
        models.open(
            choice(0, Map.of("project", "other-project", "location", "europe-west4")),
            new ManualCancellation()),
        hello(MODEL));

    assertThat(vertex.received().get(0).path())
        .isEqualTo(
            "/v1/projects/other-project/locations/europe-west4/publishers/google/models/"
                + MODEL
                + ":streamGenerateContent");
  }

  @Test
  void missing_credentials_or_a_bad_location_are_llm_unavailable_saying_what_to_set() {
    ChatModels withoutKey =
        models(Map.of("GOOGLE_APPLICATION_CREDENTIALS", folder.resolve("none.json").toString()));
    try {
      assertThatThrownBy(() -> withoutKey.check(choice(2, Map.of())))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LLM_UNAVAILABLE))
          .hasMessageContaining("GOOGLE_APPLICATION_CREDENTIALS");
    } finally {
      withoutKey.close();
    }
    assertThatThrownBy(() -> models.check(choice(2, Map.of("location", "../x"))))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("location");
  }
}
