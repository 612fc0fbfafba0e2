package dev.cogent.llm;

import dev.cogent.ApiException;
import dev.cogent.scope.Scope;
import dev.cogent.session.Session;
import dev.cogent.session.SessionConfig;
import dev.cogent.tools.Cancellation;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.List;
import java.util.Optional;

/**
 * Turns a session's model settings into a model: the one seam between the runtime and model
 * providers. Resolution order (spec 001, "SessionConfig"): {@code config.provider_id}, then {@code
 * config.provider} + {@code config.model}, then {@code config.model} alone (the enabled config
 * serving it), then the agent's own {@code model}, then the first enabled provider config by {@code
 * priority} in the caller's scope. A message's {@code model} replaces the model name of whatever
 * was chosen.
 *
 * <p>Thread-safe and stateless.
 */
public final class ModelResolver {

  /** The model settings of the agent that owns a session. */
  public record AgentModel(String model, Double temperature) {}

  /** Finds an agent's model settings by name in a scope. */
  @FunctionalInterface
  public interface AgentModels {
    Optional<AgentModel> find(String agentName, Scope scope);
  }

  static final String NO_PROVIDER =
      "No model provider is configured. Create one with POST /models/providers (for example"
          + " {\"id\": \"openai\", \"provider\": \"openai\", \"model\": \"gpt-4o\"} with"
          + " OPENAI_API_KEY set), start the server with OPENAI_API_KEY, ANTHROPIC_API_KEY,"
          + " GOOGLE_API_KEY or COGENT_OPENAI_COMPATIBLE_BASE_URL set, or give the session"
          + " config.provider: \"mock\" and a config.model for the scripted test model.";

  private final ProviderService providers;
  private final AgentModels agents;
  private final ChatModels models;

  public ModelResolver(ProviderService providers, AgentModels agents, ChatModels models) {
    this.providers = providers;
    this.agents = agents;
    this.models = models;
  }

  /**
   * Chooses the model for one message of {@code session}.
   *
   * @param scope the caller's scope (provider configs and agents are looked up in it)
   * @param modelOverride the message's {@code model}; null when absent
   * @throws ApiException {@code LLM_UNAVAILABLE} when no usable provider is configured, with how to
   *     configure one
   */
  public ModelChoice choose(Session session, Scope scope, String modelOverride) {
    return choose(
        session,
        scope,
        modelOverride,
        session.agentName() == null ? Optional.empty() : agents.find(session.agentName(), scope));
  }

  /**
   * As {@link #choose(Session, Scope, String)}, with the model settings of the session's agent
   * already read by the caller (empty when the session names no agent or it is gone), so that a
   * run's start reads the definition once.
   */
  public ModelChoice choose(
      Session session, Scope scope, String modelOverride, Optional<AgentModel> agent) {
    SessionConfig config = session.config();
    Double temperature =
        config != null && config.temperature() != null
            ? config.temperature()
            : agent.map(AgentModel::temperature).orElse(null);
    Integer maxTokens = config == null ? null : config.maxTokens();
    String override = modelOverride == null || modelOverride.isBlank() ? null : modelOverride;
    ModelChoice choice =
        resolve(config, agent, scope, override, temperature, maxTokens)
            .orElseThrow(() -> ChatModels.unavailable(NO_PROVIDER));
    models.check(choice);
    return choice;
  }

  /**
   * The model for work that belongs to no session (memory extraction and summaries): the first
   * enabled provider config by priority in the scope, if any.
   */
  public Optional<ModelChoice> chooseDefault(Scope scope) {
    return providers.enabled(scope).stream()
        .findFirst()
        .map(row -> fromRow(row, row.model(), null, null));
  }

  /**
   * A streaming model for one run. The run's cancellation stops a model that is waiting and stops
   * its retries.
   */
  public StreamingChatModel open(ModelChoice choice, Cancellation cancellation) {
    return models.open(choice, cancellation);
  }

  private Optional<ModelChoice> resolve(
      SessionConfig config,
      Optional<AgentModel> agent,
      Scope scope,
      String override,
      Double temperature,
      Integer maxTokens) {
    List<ProviderConfig> enabled = providers.enabled(scope);
    if (config != null && config.providerId() != null) {
      ProviderConfig row =
          enabled.stream()
              .filter(p -> p.id().equals(config.providerId()))
              .findFirst()
              .orElseThrow(
                  () ->
                      ChatModels.unavailable(
                          "The provider config '"
                              + config.providerId()
                              + "' of this session is gone or disabled; see GET /models/providers"
                              + " and update the session's config.provider_id"));
      return Optional.of(fromRow(row, or(override, row.model()), temperature, maxTokens));
    }
    if (config != null && config.provider() != null && config.model() != null) {
      return Optional.of(
          ofType(config.provider(), or(override, config.model()), enabled, temperature, maxTokens));
    }
    if (config != null && config.model() != null) {
      Optional<ProviderConfig> serving =
          enabled.stream().filter(p -> p.model().equals(config.model())).findFirst();
      if (serving.isPresent()) {
        return Optional.of(
            fromRow(serving.get(), or(override, config.model()), temperature, maxTokens));
      }
    }
    Optional<String> agentModel = agent.map(AgentModel::model);
    if (agentModel.isPresent()) {
      String model = agentModel.get();
      Optional<ProviderConfig> serving =
          enabled.stream().filter(p -> p.model().equals(model)).findFirst();
      if (serving.isPresent()) {
        return Optional.of(fromRow(serving.get(), or(override, model), temperature, maxTokens));
      }
      int colon = model.indexOf(':');
      if (colon > 0 && ProviderType.fromWire(model.substring(0, colon)).isPresent()) {
        return Optional.of(
            ofType(
                model.substring(0, colon),
                or(override, model.substring(colon + 1)),
                enabled,
                temperature,
                maxTokens));
      }
      if (!enabled.isEmpty()) {
        return Optional.of(fromRow(enabled.get(0), or(override, model), temperature, maxTokens));
      }
    }
    return enabled.stream()
        .findFirst()
        .map(row -> fromRow(row, or(override, row.model()), temperature, maxTokens));
  }

  /** A provider type with a model: the first enabled config of that type, else its defaults. */
  private static ModelChoice ofType(
      String type,
      String model,
      List<ProviderConfig> enabled,
      Double temperature,
      Integer maxTokens) {
    return enabled.stream()
        .filter(p -> p.provider().equals(type))
        .findFirst()
        .map(row -> fromRow(row, model, temperature, maxTokens))
        .orElseGet(() -> new ModelChoice(type, model, null, temperature, maxTokens, null));
  }

  private static ModelChoice fromRow(
      ProviderConfig row, String model, Double temperature, Integer maxTokens) {
    ProviderSpec spec =
        new ProviderSpec(
            row.provider(),
            row.model(),
            row.displayName(),
            row.apiKeyEnv(),
            row.enabled(),
            row.priority(),
            row.maxRetries(),
            row.baseUrl(),
            row.region(),
            row.roleArn(),
            row.extra());
    return new ModelChoice(row.provider(), model, row.id(), temperature, maxTokens, spec);
  }

  private static String or(String override, String model) {
    return override != null ? override : model;
  }
}
