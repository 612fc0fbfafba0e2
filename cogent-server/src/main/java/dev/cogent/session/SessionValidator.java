package dev.cogent.session;

import dev.cogent.ApiException;
import dev.cogent.ApiException.FieldError;
import dev.cogent.registry.AgentDirectory;
import dev.cogent.scope.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validation rules of the session endpoints (spec 001, "Sessions" and "SessionConfig"):
 * collects every problem of a request and reports them together as one 422.
 */
final class SessionValidator {

  static final int MAX_TITLE = 200;
  static final int MAX_METADATA_ENTRIES = 64;
  static final int MAX_METADATA_KEY = 200;
  static final int MAX_METADATA_VALUE = 2000;

  static final Set<String> PROVIDER_TYPES =
      Set.of(
          "openai",
          "anthropic",
          "bedrock",
          "openai_compatible",
          "google_genai",
          "google_vertexai",
          "mock");

  private final AgentDirectory agents;
  private final ProviderChoice.Source providers;

  SessionValidator(AgentDirectory agents, ProviderChoice.Source providers) {
    this.agents = agents;
    this.providers = providers;
  }

  void validateCreate(SessionRequests.Create request, Scope scope) {
    validate(request.title(), request.agentName(), request.metadata(), request.config(), scope);
  }

  void validateUpdate(SessionRequests.Update request, Scope scope) {
    validate(request.title(), request.agentName(), request.metadata(), request.config(), scope);
  }

  private void validate(
      String title,
      String agentName,
      Map<String, Object> metadata,
      SessionConfig config,
      Scope scope) {
    List<FieldError> errors = new ArrayList<>();
    title(title, errors);
    if (agentName != null) {
      agentName(agentName, scope, errors);
    }
    if (metadata != null) {
      metadata(metadata, errors);
    }
    if (config != null) {
      config(config, scope, errors);
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
  }

  private static void title(String title, List<FieldError> errors) {
    if (title != null && title.length() > MAX_TITLE) {
      errors.add(new FieldError("title", "must be at most " + MAX_TITLE + " characters"));
    }
  }

  private void agentName(String name, Scope scope, List<FieldError> errors) {
    if (!agents.isPrimary(name, scope)) {
      errors.add(
          new FieldError(
              "agent_name",
              "unknown agent '"
                  + name
                  + "'; known primary agents: "
                  + String.join(", ", agents.primaryNames(scope))));
    }
  }

  private static void metadata(Map<String, Object> metadata, List<FieldError> errors) {
    if (metadata.size() > MAX_METADATA_ENTRIES) {
      errors.add(
          new FieldError("metadata", "must have at most " + MAX_METADATA_ENTRIES + " entries"));
    }
    metadata.forEach(
        (key, value) -> {
          String field = "metadata." + key;
          if (key.isBlank() || key.length() > MAX_METADATA_KEY) {
            errors.add(
                new FieldError(field, "keys must be 1 to " + MAX_METADATA_KEY + " characters"));
          }
          if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            errors.add(
                new FieldError(field, "must be a string, number or boolean (metadata is flat)"));
          } else if (String.valueOf(value).length() > MAX_METADATA_VALUE) {
            errors.add(
                new FieldError(field, "must be at most " + MAX_METADATA_VALUE + " characters"));
          }
        });
  }

  private void config(SessionConfig config, Scope scope, List<FieldError> errors) {
    int before = errors.size();
    if (config.temperature() != null
        && (config.temperature() < 0.0 || config.temperature() > 2.0)) {
      errors.add(new FieldError("config.temperature", "must be between 0.0 and 2.0"));
    }
    if (config.maxTokens() != null && config.maxTokens() < 1) {
      errors.add(new FieldError("config.max_tokens", "must be at least 1"));
    }
    if (config.recursionLimit() != null && config.recursionLimit() < 1) {
      errors.add(new FieldError("config.recursion_limit", "must be at least 1"));
    }
    if (config.provider() != null && !PROVIDER_TYPES.contains(config.provider())) {
      errors.add(
          new FieldError(
              "config.provider",
              "unknown provider type; one of " + String.join(", ", new TreeSet<>(PROVIDER_TYPES))));
    }
    if (config.provider() != null && config.model() == null) {
      errors.add(new FieldError("config.model", "is required when config.provider is set"));
    }
    if (errors.size() > before) {
      return;
    }
    resolution(config, scope, errors);
  }

  /** The provider resolution rules of spec 001: provider_id exact, model alone unambiguous. */
  private void resolution(SessionConfig config, Scope scope, List<FieldError> errors) {
    List<ProviderChoice> enabled = providers.enabled(scope);
    if (config.providerId() != null) {
      if (enabled.stream().noneMatch(p -> p.id().equals(config.providerId()))) {
        errors.add(
            new FieldError(
                "config.provider_id",
                "no enabled provider config '"
                    + config.providerId()
                    + "' in this scope; see GET /models/providers"));
      }
      return;
    }
    if (config.model() != null && config.provider() == null) {
      Set<String> types = new TreeSet<>();
      enabled.stream()
          .filter(p -> p.model().equals(config.model()))
          .forEach(p -> types.add(p.provider()));
      if (types.isEmpty()) {
        errors.add(
            new FieldError(
                "config.model",
                "no enabled provider serves model '"
                    + config.model()
                    + "'; set config.provider_id or config.provider"));
      } else if (types.size() > 1) {
        errors.add(
            new FieldError(
                "config.model",
                "model '"
                    + config.model()
                    + "' is served by several provider types ("
                    + String.join(", ", types)
                    + "); set config.provider or config.provider_id"));
      }
    }
  }
}
