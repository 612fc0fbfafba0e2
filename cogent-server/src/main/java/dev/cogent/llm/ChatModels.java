package dev.cogent.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.GoogleCredentials;
import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.observability.CircuitBreakers;
import dev.cogent.observability.RunTracer;
import dev.cogent.tools.Cancellation;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the LangChain4j streaming model for a resolved {@link ModelChoice}: the scripted mock, or
 * a real provider client (OpenAI, OpenAI-compatible, Anthropic, Google Gemini, Bedrock, Vertex AI)
 * wrapped in {@link RetryingChatModel} so that {@code max_retries} is enforced, and behind the
 * provider's circuit breaker ({@link ObservedChatModel}); every call is traced. API keys are read
 * from the environment map given at construction, by the variable the config names; they never
 * leave this class. Bedrock authenticates as {@link BedrockClients} says, Vertex AI as {@link
 * VertexAuth} says (Vertex reuses the Gemini client: the request and stream formats are the same,
 * only the URL and the OAuth token differ).
 *
 * <p>{@code OPENAI_BASE_URL}, {@code ANTHROPIC_BASE_URL} and {@code GOOGLE_GEMINI_BASE_URL} in the
 * environment replace the public endpoints of those provider types (as in the providers' own SDKs).
 * {@code extra.timeout_seconds} of a config sets the request timeout (default 60).
 *
 * <p>Thread-safe. {@link #close} releases the Bedrock clients and stops the mock's pacer.
 */
public final class ChatModels implements AutoCloseable {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  static final String OPENAI_URL = "https://api.openai.com/v1";
  static final String ANTHROPIC_URL = "https://api.anthropic.com/v1/";
  static final String GEMINI_URL = "https://generativelanguage.googleapis.com/v1beta";

  private final Map<String, String> environment;
  private final ScheduledExecutorService scheduler;
  private final Duration initialBackoff;
  private final BedrockMessages bedrockMessages;
  private final BedrockClients bedrock;
  private final VertexAuth vertex;
  private final RunTracer tracer;
  private final CircuitBreakers breakers;

  /** Streams the paced answers of the mock model; its thread starts with the first of them. */
  private final ScheduledExecutorService mockPacer;

  /**
   * @param environment the process environment (keys, credentials and base-URL overrides are read
   *     from it)
   * @param json the server's JSON mapper (tool arguments and schemas for Bedrock)
   * @param scheduler runs the backoff waits of retries
   * @param initialBackoff the wait before the first retry; each further retry doubles it
   * @param tracer traces and counts every model call
   * @param breakers the circuit breakers of the real providers, by config id (else type)
   */
  public ChatModels(
      Map<String, String> environment,
      ObjectMapper json,
      ScheduledExecutorService scheduler,
      Duration initialBackoff,
      RunTracer tracer,
      CircuitBreakers breakers) {
    this.environment = Map.copyOf(environment);
    this.scheduler = scheduler;
    this.initialBackoff = initialBackoff;
    this.bedrockMessages = new BedrockMessages(json);
    this.bedrock = new BedrockClients(this.environment);
    this.vertex = new VertexAuth(this.environment);
    this.tracer = tracer;
    this.breakers = breakers;
    this.mockPacer = MockStream.newPacer();
  }

  /**
   * Checks that a model can be built for {@code choice}: the provider type has a client here and
   * its key variable is set.
   *
   * @throws ApiException {@code LLM_UNAVAILABLE} with what to configure
   */
  public void check(ModelChoice choice) {
    ProviderType type = choice.type();
    switch (type) {
      case MOCK, OPENAI_COMPATIBLE -> {}
      case OPENAI, ANTHROPIC, GOOGLE_GENAI -> apiKey(choice, true);
      case BEDROCK -> {
        if (choice.spec().region() == null) {
          throw unavailable(
              "Provider type 'bedrock' needs a region; create a config with POST"
                  + " /models/providers and bind the session by provider_id");
        }
      }
      case GOOGLE_VERTEXAI -> vertexUrl(choice);
    }
  }

  /**
   * A streaming model for one run. The run's cancellation stops a model that is waiting (the mock's
   * {@code /sleep}) and stops retries.
   *
   * @throws ApiException {@code LLM_UNAVAILABLE} as {@link #check}
   */
  public StreamingChatModel open(ModelChoice choice, Cancellation cancellation) {
    check(choice);
    ProviderSpec spec = choice.spec();
    StreamingChatModel model =
        switch (choice.type()) {
          case MOCK -> new MockChatModel(choice.model(), cancellation, mockPacer);
          case OPENAI, OPENAI_COMPATIBLE ->
              OpenAiStreamingChatModel.builder()
                  .baseUrl(openAiUrl(choice))
                  .apiKey(apiKey(choice, choice.type() == ProviderType.OPENAI))
                  .modelName(choice.model())
                  .temperature(choice.temperature())
                  .maxTokens(choice.maxTokens())
                  .timeout(timeout(spec))
                  .build();
          case ANTHROPIC ->
              AnthropicStreamingChatModel.builder()
                  .baseUrl(environment.getOrDefault("ANTHROPIC_BASE_URL", ANTHROPIC_URL))
                  .apiKey(apiKey(choice, true))
                  .modelName(choice.model())
                  .temperature(choice.temperature())
                  .maxTokens(choice.maxTokens() == null ? 4096 : choice.maxTokens())
                  .timeout(timeout(spec))
                  .build();
          case GOOGLE_GENAI ->
              GoogleAiGeminiStreamingChatModel.builder()
                  .baseUrl(environment.getOrDefault("GOOGLE_GEMINI_BASE_URL", GEMINI_URL))
                  .apiKey(apiKey(choice, true))
                  .modelName(choice.model())
                  .temperature(choice.temperature())
                  .maxOutputTokens(choice.maxTokens())
                  .timeout(timeout(spec))
                  .build();
          case BEDROCK ->
              new BedrockChatModel(
                  bedrock.client(spec.region(), spec.roleArn(), timeout(spec)),
                  bedrockMessages,
                  choice.model(),
                  choice.temperature(),
                  choice.maxTokens());
          case GOOGLE_VERTEXAI -> vertexModel(choice);
        };
    if (choice.type() == ProviderType.MOCK) {
      // The scripted model fails on purpose; a breaker would only get in the tests' way.
      return new ObservedChatModel(model, tracer, null, choice.provider(), choice.model());
    }
    return new ObservedChatModel(
        new RetryingChatModel(model, spec.maxRetries(), initialBackoff, scheduler, cancellation),
        tracer,
        breakers.provider(choice.providerId() == null ? choice.provider() : choice.providerId()),
        choice.provider(),
        choice.model());
  }

  private StreamingChatModel vertexModel(ModelChoice choice) {
    GoogleCredentials credentials = vertex.credentials();
    String baseUrl = vertexUrl(choice);
    return GoogleAiGeminiStreamingChatModel.builder()
        .baseUrl(baseUrl)
        // No x-goog-api-key: Vertex takes the OAuth token, fetched (or refreshed) per request.
        .apiKey(null)
        .customHeaders(() -> vertex.headers(credentials, baseUrl))
        .modelName(choice.model())
        .temperature(choice.temperature())
        .maxOutputTokens(choice.maxTokens())
        .timeout(timeout(choice.spec()))
        .build();
  }

  private String vertexUrl(ModelChoice choice) {
    try {
      return vertex.baseUrl(choice.spec(), vertex.credentials());
    } catch (IllegalStateException e) {
      throw unavailable(e.getMessage());
    }
  }

  /**
   * Closes the Bedrock clients (their connection pools and event loops) and stops the mock's pacer
   * (a paced mock answer still streaming then fails).
   */
  @Override
  public void close() {
    mockPacer.shutdownNow();
    bedrock.close();
  }

  private String openAiUrl(ModelChoice choice) {
    if (choice.type() == ProviderType.OPENAI_COMPATIBLE) {
      if (choice.spec().baseUrl() == null) {
        throw unavailable(
            "Provider type 'openai_compatible' needs a base_url; create a config with POST"
                + " /models/providers and bind the session by provider_id");
      }
      return choice.spec().baseUrl();
    }
    return environment.getOrDefault("OPENAI_BASE_URL", OPENAI_URL);
  }

  private String apiKey(ModelChoice choice, boolean required) {
    String variable = choice.spec().keyVariable();
    String key = variable == null ? null : environment.get(variable);
    if (key != null && !key.isBlank()) {
      return key;
    }
    if (required) {
      throw unavailable(
          "The API key for provider '"
              + (choice.providerId() == null ? choice.provider() : choice.providerId())
              + "' is missing: set the environment variable "
              + variable
              + " (or the config's api_key_env) and restart the server");
    }
    // Local OpenAI-compatible servers (Ollama, vLLM, LM Studio) accept any key.
    return "not-needed";
  }

  private static Duration timeout(ProviderSpec spec) {
    Object seconds = spec.extra().get("timeout_seconds");
    if (seconds instanceof Number number && number.doubleValue() > 0) {
      return Duration.ofMillis((long) (number.doubleValue() * 1000));
    }
    return DEFAULT_TIMEOUT;
  }

  static ApiException unavailable(String message) {
    return new ApiException(ErrorCode.LLM_UNAVAILABLE, message, Map.of());
  }
}
