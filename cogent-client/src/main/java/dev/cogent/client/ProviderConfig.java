package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A provider configuration: which model of which provider type to use and how to reach it. {@code
 * apiKeyEnv} names the environment variable holding the key; the key itself is never returned.
 */
public record ProviderConfig(
    @JsonProperty("id") String id,
    @JsonProperty("provider") String provider,
    @JsonProperty("model") String model,
    @JsonProperty("display_name") String displayName,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("priority") int priority,
    @JsonProperty("max_retries") int maxRetries,
    @JsonProperty("api_key_env") String apiKeyEnv,
    @JsonProperty("base_url") String baseUrl,
    @JsonProperty("region") String region,
    @JsonProperty("role_arn") String roleArn,
    @JsonProperty("extra") Map<String, Object> extra,
    @JsonProperty("scope") Map<String, String> scope,
    @JsonProperty("source") String source) {

  public ProviderConfig {
    extra = extra == null ? Map.of() : Map.copyOf(extra);
    scope = scope == null ? Map.of() : Map.copyOf(scope);
  }
}
