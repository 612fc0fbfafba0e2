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
import dev.cogent.llm.FakeProviderServer.Received;
import dev.cogent.llm.FakeProviderServer.Reply;
import dev.cogent.llm.ModelCalls.Outcome;
import dev.cogent.testing.Observation;
import dev.cogent.tools.ManualCancellation;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real LangChain4j provider clients against fake servers speaking each provider's wire. */
class ChatModelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeProviderServer fake = new FakeProviderServer();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ChatModels models =
      new ChatModels(
          Map.of(
              "OPENAI_API_KEY", "sk-openai-test",
              "OPENAI_BASE_URL", fake.url("/v1"),
              "ANTHROPIC_API_KEY", "sk-ant-test",
              "ANTHROPIC_BASE_URL", fake.url("/v1/"),
              "GOOGLE_API_KEY", "google-test-key",
              "GOOGLE_GEMINI_BASE_URL", fake.url("/v1beta"),
              "MY_PROXY_KEY", "proxy-key"),
          new dev.cogent.Json().mapper(),
          scheduler,
          Duration.ofMillis(5),
          Observation.untraced(),
          Observation.breakers(InstantSource.system()));

  @AfterEach
  void close() {
    models.close();
    fake.close();
    scheduler.shutdownNow();
  }

  private static ModelChoice choice(ProviderSpec spec) {
    return new ModelChoice(spec.provider(), spec.model(), "p1", 0.2, 100, spec);
  }

  private static ProviderSpec spec(String type, String model, int maxRetries, String baseUrl) {
    return new ProviderSpec(
        type, model, null, null, true, 0, maxRetries, baseUrl, null, null, Map.of());
  }

  private static JsonNode body(Received request) throws Exception {
    return JSON.readTree(request.body());
  }

  @Test
  void openai_streams_tokens_with_usage_and_sends_key_model_and_settings() throws Exception {
    fake.enqueue(Reply.stream(WireFormats.openAiText("gpt-4o", 12, "Hello", " world")));

    Outcome outcome =
        call(
            models.open(choice(spec("openai", "gpt-4o", 2, null)), new ManualCancellation()),
            hello("gpt-4o"));

    assertThat(outcome.tokens()).containsExactly("Hello", " world");
    assertThat(outcome.response().aiMessage().text()).isEqualTo("Hello world");
    assertThat(outcome.response().tokenUsage().inputTokenCount()).isEqualTo(12);
    assertThat(outcome.response().tokenUsage().outputTokenCount()).isEqualTo(2);
    Received request = fake.received().get(0);
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.headers()).containsEntry("authorization", "Bearer sk-openai-test");
    JsonNode sent = body(request);
    assertThat(sent.get("model").asText()).isEqualTo("gpt-4o");
    assertThat(sent.get("stream").asBoolean()).isTrue();
    assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
    assertThat(sent.get("max_tokens").asInt()).isEqualTo(100);
    assertThat(sent.get("messages").get(0).get("content").asText()).isEqualTo("Hi");
  }

  @Test
  void openai_tool_call_is_assembled_and_the_tools_schema_is_sent() throws Exception {
    fake.enqueue(
        Reply.stream(WireFormats.openAiToolCall("gpt-4o", "call_abc", "ls", "{\"path\": \".\"}")));

    Outcome outcome =
        call(
            models.open(choice(spec("openai", "gpt-4o", 0, null)), new ManualCancellation()),
            withTool("gpt-4o"));

    var call = outcome.response().aiMessage().toolExecutionRequests().get(0);
    assertThat(call.id()).isEqualTo("call_abc");
    assertThat(call.name()).isEqualTo("ls");
    assertThat(JSON.readTree(call.arguments()).get("path").asText()).isEqualTo(".");
    JsonNode tool = body(fake.received().get(0)).get("tools").get(0);
    assertThat(tool.get("type").asText()).isEqualTo("function");
    assertThat(tool.get("function").get("name").asText()).isEqualTo("ls");
    assertThat(tool.get("function").get("parameters").get("properties").has("path")).isTrue();
    assertThat(tool.get("function").get("parameters").get("required").get(0).asText())
        .isEqualTo("path");
  }

  @Test
  void openai_retries_a_429_then_succeeds_within_max_retries() throws Exception {
    fake.enqueue(Reply.json(429, WireFormats.OPENAI_RATE_LIMITED))
        .enqueue(Reply.json(503, "{\"error\":{\"message\":\"overloaded\"}}"))
        .enqueue(Reply.stream(WireFormats.openAiText("gpt-4o", 3, "ok")));

    Outcome outcome =
        call(
            models.open(choice(spec("openai", "gpt-4o", 2, null)), new ManualCancellation()),
            hello("gpt-4o"));

    assertThat(outcome.response().aiMessage().text()).isEqualTo("ok");
    assertThat(fake.received()).hasSize(3);
  }

  @Test
  void openai_gives_up_after_max_retries_and_reports_the_rate_limit() {
    fake.enqueue(Reply.json(429, WireFormats.OPENAI_RATE_LIMITED))
        .enqueue(Reply.json(429, WireFormats.OPENAI_RATE_LIMITED))
        .enqueue(Reply.stream(WireFormats.openAiText("gpt-4o", 3, "never")));

    assertThatThrownBy(
            () ->
                call(
                    models.open(
                        choice(spec("openai", "gpt-4o", 1, null)), new ManualCancellation()),
                    hello("gpt-4o")))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("Rate limit reached");
    assertThat(fake.received()).hasSize(2);
  }

  @Test
  void openai_does_not_retry_a_bad_key() {
    fake.enqueue(Reply.json(401, WireFormats.OPENAI_BAD_KEY))
        .enqueue(Reply.stream(WireFormats.openAiText("gpt-4o", 3, "never")));

    assertThatThrownBy(
            () ->
                call(
                    models.open(
                        choice(spec("openai", "gpt-4o", 3, null)), new ManualCancellation()),
                    hello("gpt-4o")))
        .hasMessageContaining("Incorrect API key");
    assertThat(fake.received()).hasSize(1);
  }

  @Test
  void openai_compatible_uses_the_configs_base_url_and_named_key_variable() throws Exception {
    fake.enqueue(Reply.stream(WireFormats.openAiText("llama3", 4, "Hi", " there")));
    ProviderSpec spec =
        new ProviderSpec(
            "openai_compatible",
            "llama3",
            null,
            "MY_PROXY_KEY",
            true,
            0,
            2,
            fake.url("/compat/v1"),
            null,
            null,
            Map.of());

    Outcome outcome = call(models.open(choice(spec), new ManualCancellation()), hello("llama3"));

    assertThat(outcome.tokens()).containsExactly("Hi", " there");
    Received request = fake.received().get(0);
    assertThat(request.path()).isEqualTo("/compat/v1/chat/completions");
    assertThat(request.headers()).containsEntry("authorization", "Bearer proxy-key");
    assertThat(body(request).get("model").asText()).isEqualTo("llama3");
  }

  @Test
  void anthropic_streams_tokens_with_usage_and_sends_its_headers() throws Exception {
    fake.enqueue(
        Reply.stream(WireFormats.anthropicText("claude-sonnet-4-20250514", 25, "Hello", "!")));

    Outcome outcome =
        call(
            models.open(
                choice(spec("anthropic", "claude-sonnet-4-20250514", 2, null)),
                new ManualCancellation()),
            hello("claude-sonnet-4-20250514"));

    assertThat(outcome.tokens()).containsExactly("Hello", "!");
    assertThat(outcome.response().tokenUsage().inputTokenCount()).isEqualTo(25);
    assertThat(outcome.response().tokenUsage().outputTokenCount()).isEqualTo(2);
    Received request = fake.received().get(0);
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.headers()).containsEntry("x-api-key", "sk-ant-test");
    assertThat(request.headers()).containsKey("anthropic-version");
    JsonNode sent = body(request);
    assertThat(sent.get("model").asText()).isEqualTo("claude-sonnet-4-20250514");
    assertThat(sent.get("max_tokens").asInt()).isEqualTo(100);
    assertThat(sent.get("stream").asBoolean()).isTrue();
  }

  @Test
  void anthropic_tool_call_is_assembled_and_the_tools_schema_is_sent() throws Exception {
    fake.enqueue(
        Reply.stream(
            WireFormats.anthropicToolCall(
                "claude-sonnet-4-20250514", "toolu_01", "ls", "{\"path\": \".\"}")));

    Outcome outcome =
        call(
            models.open(
                choice(spec("anthropic", "claude-sonnet-4-20250514", 0, null)),
                new ManualCancellation()),
            withTool("claude-sonnet-4-20250514"));

    var call = outcome.response().aiMessage().toolExecutionRequests().get(0);
    assertThat(call.id()).isEqualTo("toolu_01");
    assertThat(call.name()).isEqualTo("ls");
    assertThat(JSON.readTree(call.arguments()).get("path").asText()).isEqualTo(".");
    JsonNode tool = body(fake.received().get(0)).get("tools").get(0);
    assertThat(tool.get("name").asText()).isEqualTo("ls");
    assertThat(tool.get("input_schema").get("properties").has("path")).isTrue();
  }

  @Test
  void anthropic_retries_a_429_then_succeeds() throws Exception {
    fake.enqueue(Reply.json(429, WireFormats.ANTHROPIC_RATE_LIMITED))
        .enqueue(Reply.stream(WireFormats.anthropicText("claude-sonnet-4-20250514", 5, "ok")));

    Outcome outcome =
        call(
            models.open(
                choice(spec("anthropic", "claude-sonnet-4-20250514", 2, null)),
                new ManualCancellation()),
            hello("claude-sonnet-4-20250514"));

    assertThat(outcome.response().aiMessage().text()).isEqualTo("ok");
    assertThat(fake.received()).hasSize(2);
  }

  @Test
  void a_missing_key_is_llm_unavailable_naming_the_variable() {
    ChatModels withoutKeys =
        new ChatModels(
            Map.of(),
            new dev.cogent.Json().mapper(),
            scheduler,
            Duration.ofMillis(5),
            Observation.untraced(),
            Observation.breakers(InstantSource.system()));

    assertThatThrownBy(() -> withoutKeys.check(choice(spec("openai", "gpt-4o", 2, null))))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LLM_UNAVAILABLE))
        .hasMessageContaining("OPENAI_API_KEY");
  }

  @Test
  void bedrock_without_a_config_and_its_region_is_llm_unavailable() {
    ProviderSpec bedrock =
        new ProviderSpec("bedrock", "claude", null, null, true, 0, 2, null, null, null, Map.of());

    assertThatThrownBy(() -> models.check(choice(bedrock)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LLM_UNAVAILABLE))
        .hasMessageContaining("region");
  }

  @Test
  void gemini_streams_tokens_with_usage_and_sends_its_key_and_settings() throws Exception {
    fake.enqueue(Reply.stream(WireFormats.geminiText("gemini-2.5-flash", 11, "Hello", " there")));

    Outcome outcome =
        call(
            models.open(
                choice(spec("google_genai", "gemini-2.5-flash", 2, null)),
                new ManualCancellation()),
            hello("gemini-2.5-flash"));

    assertThat(outcome.tokens()).containsExactly("Hello", " there");
    assertThat(outcome.response().aiMessage().text()).isEqualTo("Hello there");
    assertThat(outcome.response().tokenUsage().inputTokenCount()).isEqualTo(11);
    assertThat(outcome.response().tokenUsage().outputTokenCount()).isEqualTo(2);
    Received request = fake.received().get(0);
    assertThat(request.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    assertThat(request.headers()).containsEntry("x-goog-api-key", "google-test-key");
    JsonNode sent = body(request);
    assertThat(sent.get("contents").get(0).get("role").asText()).isEqualTo("user");
    assertThat(sent.get("contents").get(0).get("parts").get(0).get("text").asText())
        .isEqualTo("Hi");
    assertThat(sent.get("generationConfig").get("temperature").asDouble()).isEqualTo(0.2);
    assertThat(sent.get("generationConfig").get("maxOutputTokens").asInt()).isEqualTo(100);
  }

  @Test
  void gemini_tool_call_is_assembled_and_the_function_declarations_are_sent() throws Exception {
    fake.enqueue(
        Reply.stream(WireFormats.geminiToolCall("gemini-2.5-flash", "ls", "{\"path\": \".\"}")));

    Outcome outcome =
        call(
            models.open(
                choice(spec("google_genai", "gemini-2.5-flash", 0, null)),
                new ManualCancellation()),
            withTool("gemini-2.5-flash"));

    var call = outcome.response().aiMessage().toolExecutionRequests().get(0);
    assertThat(call.name()).isEqualTo("ls");
    assertThat(JSON.readTree(call.arguments()).get("path").asText()).isEqualTo(".");
    assertThat(outcome.response().tokenUsage().inputTokenCount()).isEqualTo(40);
    JsonNode declaration =
        body(fake.received().get(0)).get("tools").get(0).get("functionDeclarations").get(0);
    assertThat(declaration.get("name").asText()).isEqualTo("ls");
    assertThat(declaration.get("parameters").get("properties").has("path")).isTrue();
    assertThat(declaration.get("parameters").get("required").get(0).asText()).isEqualTo("path");
  }

  @Test
  void gemini_retries_a_429_then_succeeds_and_does_not_retry_a_bad_key() throws Exception {
    fake.enqueue(Reply.json(429, WireFormats.GEMINI_RATE_LIMITED))
        .enqueue(Reply.stream(WireFormats.geminiText("gemini-2.5-flash", 3, "ok")))
        .enqueue(Reply.json(400, WireFormats.GEMINI_BAD_KEY))
        .enqueue(Reply.stream(WireFormats.geminiText("gemini-2.5-flash", 3, "never")));
    StreamingChatModel model =
        models.open(
            choice(spec("google_genai", "gemini-2.5-flash", 2, null)), new ManualCancellation());

    Outcome outcome = call(model, hello("gemini-2.5-flash"));

    assertThat(outcome.response().aiMessage().text()).isEqualTo("ok");
    assertThat(fake.received()).hasSize(2);
    assertThatThrownBy(() -> call(model, hello("gemini-2.5-flash")))
        .hasMessageContaining("API key not valid");
    assertThat(fake.received()).hasSize(3);
  }

  @Test
  void gemini_needs_its_key_variable() {
    ChatModels withoutKeys =
        new ChatModels(
            Map.of(),
            new dev.cogent.Json().mapper(),
            scheduler,
            Duration.ofMillis(5),
            Observation.untraced(),
            Observation.breakers(InstantSource.system()));

    assertThatThrownBy(
            () -> withoutKeys.check(choice(spec("google_genai", "gemini-2.5-flash", 2, null))))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("GOOGLE_API_KEY");
  }
}
