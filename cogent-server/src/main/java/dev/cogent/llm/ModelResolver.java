package dev.cogent.llm;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.session.SessionConfig;
import dev.cogent.tools.Cancellation;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.Map;

/**
 * Turns a session's model settings into a model: the one seam between the runtime and model
 * providers. For now only the scripted {@code mock} provider exists; issue #4 replaces this class
 * with provider configs ({@code /models/providers}) and the LangChain4j provider modules.
 *
 * <p>Thread-safe and stateless.
 */
public final class ModelResolver {

  static final String MOCK = "mock";

  /**
   * Chooses the model for one message: the session config's provider and model, with the message's
   * {@code model} override replacing the model name.
   *
   * @param config the session's config; null when it has none
   * @param modelOverride the message's {@code model}; null when absent
   * @throws ApiException {@code LLM_UNAVAILABLE} when no usable provider is configured
   */
  public ModelChoice choose(SessionConfig config, String modelOverride) {
    if (config == null || config.provider() == null) {
      throw unavailable(
          "No model provider is configured for this session. Set the session's config.provider"
              + " and config.model (config.provider: \"mock\" runs the scripted test model; real"
              + " provider configs come via /models/providers).");
    }
    if (!MOCK.equals(config.provider())) {
      throw unavailable(
          "Provider type '"
              + config.provider()
              + "' is not available on this server yet; use config.provider: \"mock\" for"
              + " testing, or configure a provider via /models/providers.");
    }
    String model =
        modelOverride != null && !modelOverride.isBlank() ? modelOverride : config.model();
    return new ModelChoice(config.provider(), model == null ? "mock" : model);
  }

  /**
   * A streaming model for one run. The run's cancellation stops a model that is waiting (the mock's
   * {@code /sleep}).
   */
  public StreamingChatModel open(ModelChoice choice, Cancellation cancellation) {
    if (MOCK.equals(choice.provider())) {
      return new MockChatModel(choice.model(), cancellation);
    }
    throw unavailable("Provider type '" + choice.provider() + "' is not available");
  }

  private static ApiException unavailable(String message) {
    return new ApiException(ErrorCode.LLM_UNAVAILABLE, message, Map.of());
  }
}
