package dev.cogent.llm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A provider config as the registry stores it (kind {@code provider}, named by its {@code id}).
 * Validated by {@link ProviderService} before it is stored; {@code apiKeyEnv} names an environment
 * variable and never holds a key.
 *
 * @param provider the {@link ProviderType} wire name
 */
public record ProviderSpec(
    @JsonProperty("provider") String provider,
    @JsonProperty("model") String model,
    @JsonProperty("display_name") String displayName,
    @JsonProperty("api_key_env") String apiKeyEnv,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("priority") int priority,
    @JsonProperty("max_retries") int maxRetries,
    @JsonProperty("base_url") String baseUrl,
    @JsonProperty("region") String region,
    @JsonProperty("role_arn") String roleArn,
    @JsonProperty("extra") Map<String, Object> extra) {

  public ProviderSpec {
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  public ProviderType type() {
    return ProviderType.fromWire(provider)
        .orElseThrow(() -> new IllegalStateException("unknown provider type " + provider));
  }

  /** The environment variable holding the key: the configured one, else the type's default. */
  public String keyVariable() {
    return apiKeyEnv != null ? apiKeyEnv : type().defaultApiKeyEnv().orElse(null);
  }

  /** A spec with the defaults of spec 001, for a provider type used without a config row. */
  static ProviderSpec defaults(ProviderType type, String model) {
    return new ProviderSpec(
        type.wireName(), model, null, null, true, 0, 2, null, null, null, Map.of());
  }
}
