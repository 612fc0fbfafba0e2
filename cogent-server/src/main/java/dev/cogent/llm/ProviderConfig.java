package dev.cogent.llm;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.registry.RegistryEntry;
import dev.cogent.registry.Source;
import java.util.Map;

/** A provider config as the API serves it ({@code ProviderConfig} of the OpenAPI document). */
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
    @JsonProperty("source") Source source) {

  static ProviderConfig of(RegistryEntry<ProviderSpec> entry) {
    ProviderSpec spec = entry.document();
    return new ProviderConfig(
        entry.name(),
        spec.provider(),
        spec.model(),
        spec.displayName(),
        spec.enabled(),
        spec.priority(),
        spec.maxRetries(),
        spec.apiKeyEnv(),
        spec.baseUrl(),
        spec.region(),
        spec.roleArn(),
        spec.extra(),
        entry.scope().values(),
        entry.source());
  }
}
