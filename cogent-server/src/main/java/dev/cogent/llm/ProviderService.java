package dev.cogent.llm;

import dev.cogent.ApiException;
import dev.cogent.ApiException.FieldError;
import dev.cogent.registry.FileEntry;
import dev.cogent.registry.Registry;
import dev.cogent.registry.RegistryEntry;
import dev.cogent.registry.Source;
import dev.cogent.scope.Scope;
import dev.cogent.session.ProviderChoice;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Provider configs (spec 001, "Models") on the scoped registry, named by their {@code id}.
 *
 * <p>Which row a request acts on follows the registry: {@code POST} creates under the request's
 * {@code scope} (within the caller's) or the caller's own scope, and is 409 when that exact row
 * exists; {@code PATCH} and {@code DELETE} act on the most specific visible row, or on exactly the
 * row of the body's {@code scope}. File rows (the start-up bootstrap) are 409 to changes.
 *
 * <p>Thread-safe.
 */
public final class ProviderService {

  static final int MAX_ID = 100;
  static final int MAX_RETRIES = 10;
  static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");
  static final Pattern ENV_VAR = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

  /** Resolution order among enabled configs: lower priority first, then id. */
  static final Comparator<ProviderConfig> BY_PRIORITY =
      Comparator.comparingInt(ProviderConfig::priority).thenComparing(ProviderConfig::id);

  private final Registry<ProviderSpec> registry;

  public ProviderService(Registry<ProviderSpec> registry) {
    this.registry = registry;
  }

  /** The provider configs visible in {@code caller}'s scope, ordered by id. */
  public List<ProviderConfig> list(Scope caller) {
    return registry.list(caller).stream().map(ProviderConfig::of).toList();
  }

  /** The enabled provider configs visible in {@code caller}'s scope, in resolution order. */
  public List<ProviderConfig> enabled(Scope caller) {
    return list(caller).stream().filter(ProviderConfig::enabled).sorted(BY_PRIORITY).toList();
  }

  /** The session validator's view of {@link #enabled}. */
  public List<ProviderChoice> choices(Scope caller) {
    return enabled(caller).stream()
        .map(config -> new ProviderChoice(config.id(), config.provider(), config.model()))
        .toList();
  }

  /** The config {@code id} resolves to in {@code caller}'s scope, disabled ones included. */
  public Optional<ProviderConfig> find(String id, Scope caller) {
    return registry.find(id, caller).map(ProviderConfig::of);
  }

  /**
   * @throws ApiException 404 when no config of that id is visible
   */
  public ProviderConfig get(String id, Scope caller) {
    return find(id, caller).orElseThrow(() -> ApiException.notFound("provider", id));
  }

  /**
   * Creates a provider config.
   *
   * @throws ApiException 422 for an invalid config, 409 when a config of that id exists in exactly
   *     the target scope
   */
  public ProviderConfig create(ProviderRequests.Create request, Scope caller) {
    List<FieldError> errors = new ArrayList<>();
    String id = request.id();
    if (id == null || id.isEmpty() || id.length() > MAX_ID) {
      errors.add(new FieldError("id", "is required, 1 to " + MAX_ID + " characters"));
    } else if (!ID.matcher(id).matches()) {
      errors.add(
          new FieldError(
              "id", "must start with a letter or digit and use only letters, digits, . _ -"));
    }
    ProviderSpec spec =
        new ProviderSpec(
            request.provider(),
            request.model(),
            request.displayName(),
            request.apiKeyEnv(),
            request.enabled() == null || request.enabled(),
            request.priority() == null ? 0 : request.priority(),
            request.maxRetries() == null ? 2 : request.maxRetries(),
            request.baseUrl(),
            request.region(),
            request.roleArn(),
            request.extra());
    Scope target = validate(spec, request.scope(), caller, errors);
    if (registry.findExact(id, target).isPresent()) {
      throw ApiException.conflict(
          "provider '" + id + "' already exists in scope " + target.values() + "; PATCH it");
    }
    return ProviderConfig.of(registry.put(id, target, spec));
  }

  /**
   * Changes the {@code given} fields of a config, then validates the whole result; an invalid
   * result changes nothing.
   *
   * @param given the wire names of the fields present in the request body
   * @throws ApiException 404 when it does not exist, 409 when it is file-managed, 422 when the
   *     result is invalid
   */
  public ProviderConfig update(
      String id, ProviderRequests.Patch patch, Set<String> given, Scope caller) {
    RegistryEntry<ProviderSpec> current = target(id, patch.scope(), caller);
    ProviderSpec old = current.document();
    List<FieldError> errors = new ArrayList<>();
    for (String required : List.of("provider", "model", "enabled", "priority", "max_retries")) {
      if (given.contains(required) && isNull(patch, required)) {
        errors.add(new FieldError(required, "must not be null"));
      }
    }
    ProviderSpec merged =
        new ProviderSpec(
            pick(given, "provider", patch.provider(), old.provider()),
            pick(given, "model", patch.model(), old.model()),
            pick(given, "display_name", patch.displayName(), old.displayName()),
            pick(given, "api_key_env", patch.apiKeyEnv(), old.apiKeyEnv()),
            orElse(pick(given, "enabled", patch.enabled(), old.enabled()), old.enabled()),
            orElse(pick(given, "priority", patch.priority(), old.priority()), old.priority()),
            orElse(
                pick(given, "max_retries", patch.maxRetries(), old.maxRetries()), old.maxRetries()),
            pick(given, "base_url", patch.baseUrl(), old.baseUrl()),
            pick(given, "region", patch.region(), old.region()),
            pick(given, "role_arn", patch.roleArn(), old.roleArn()),
            pick(given, "extra", patch.extra(), old.extra()));
    validate(merged, null, caller, errors);
    if (current.isFileManaged()) {
      throw fileManaged(id);
    }
    return ProviderConfig.of(registry.update(id, current.scope(), merged));
  }

  /**
   * @throws ApiException 404 when it does not exist, 409 when it is file-managed
   */
  public void delete(String id, Scope caller) {
    RegistryEntry<ProviderSpec> current = target(id, null, caller);
    if (current.isFileManaged()) {
      throw fileManaged(id);
    }
    registry.delete(id, current.scope());
  }

  /**
   * The start-up bootstrap: while no global API provider config exists, the file rows are made
   * equal to the providers the environment names ({@code OPENAI_API_KEY}, {@code
   * ANTHROPIC_API_KEY}, {@code GOOGLE_API_KEY}, {@code COGENT_OPENAI_COMPATIBLE_BASE_URL}). Once an
   * API row exists, the bootstrap leaves every row alone.
   *
   * @return the ids of the bootstrapped configs
   */
  public List<String> bootstrap(Map<String, String> environment) {
    if (registry.list(Scope.GLOBAL).stream().anyMatch(entry -> entry.source() == Source.API)) {
      return List.of();
    }
    List<FileEntry<ProviderSpec>> entries = new ProviderBootstrap(environment).entries();
    registry.syncFiles(entries);
    return entries.stream().map(FileEntry::name).toList();
  }

  private RegistryEntry<ProviderSpec> target(
      String id, Map<String, String> requestedScope, Scope caller) {
    Optional<RegistryEntry<ProviderSpec>> entry =
        requestedScope == null
            ? registry.find(id, caller)
            : registry.findExact(id, Registry.targetScope(requestedScope, caller));
    return entry.orElseThrow(() -> ApiException.notFound("provider", id));
  }

  private static ApiException fileManaged(String id) {
    return ApiException.conflict(
        "provider '"
            + id
            + "' was created at start-up from the environment and cannot be changed through the"
            + " API; create a config of another id instead");
  }

  /** Collects every problem as one 422; returns the scope to store under. */
  private static Scope validate(
      ProviderSpec spec, Map<String, String> scope, Scope caller, List<FieldError> errors) {
    Optional<ProviderType> type =
        spec.provider() == null ? Optional.empty() : ProviderType.fromWire(spec.provider());
    if (type.isEmpty()) {
      errors.add(
          new FieldError(
              "provider",
              (spec.provider() == null ? "is required" : "unknown provider type")
                  + "; one of "
                  + String.join(", ", ProviderType.wireNames())));
    }
    if (spec.model() == null || spec.model().isBlank()) {
      errors.add(new FieldError("model", "is required"));
    }
    if (spec.apiKeyEnv() != null && !ENV_VAR.matcher(spec.apiKeyEnv()).matches()) {
      errors.add(
          new FieldError(
              "api_key_env",
              "must be the name of an environment variable (letters, digits, _), never the key"));
    }
    if (spec.maxRetries() < 0 || spec.maxRetries() > MAX_RETRIES) {
      errors.add(new FieldError("max_retries", "must be between 0 and " + MAX_RETRIES));
    }
    type.ifPresent(
        t -> {
          if (t.takesBaseUrl() && spec.baseUrl() == null) {
            errors.add(new FieldError("base_url", "is required for " + t.wireName()));
          } else if (!t.takesBaseUrl() && spec.baseUrl() != null) {
            errors.add(new FieldError("base_url", "is only allowed for openai_compatible"));
          } else if (spec.baseUrl() != null && !isHttpUrl(spec.baseUrl())) {
            errors.add(new FieldError("base_url", "must be an absolute http or https URL"));
          }
          if (t.takesRegion() && (spec.region() == null || spec.region().isBlank())) {
            errors.add(new FieldError("region", "is required for bedrock"));
          } else if (!t.takesRegion() && spec.region() != null) {
            errors.add(new FieldError("region", "is only allowed for bedrock"));
          }
          if (!t.takesRegion() && spec.roleArn() != null) {
            errors.add(new FieldError("role_arn", "is only allowed for bedrock"));
          }
        });
    Scope target = caller;
    try {
      target = Registry.targetScope(scope, caller);
    } catch (ApiException e) {
      errors.add(new FieldError("scope", "must be within the caller's scope " + caller.values()));
    }
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
    return target;
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = URI.create(value);
      return uri.isAbsolute()
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isNull(ProviderRequests.Patch patch, String field) {
    return switch (field) {
      case "provider" -> patch.provider() == null;
      case "model" -> patch.model() == null;
      case "enabled" -> patch.enabled() == null;
      case "priority" -> patch.priority() == null;
      case "max_retries" -> patch.maxRetries() == null;
      default -> false;
    };
  }

  private static <V> V pick(Set<String> given, String field, V patched, V current) {
    return given.contains(field) ? patched : current;
  }

  private static <V> V orElse(V value, V fallback) {
    return value == null ? fallback : value;
  }
}
