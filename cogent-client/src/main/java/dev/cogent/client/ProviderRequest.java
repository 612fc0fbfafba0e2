package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of {@link Providers#create} ({@code id}, {@code provider} and {@code model} required)
 * and of {@link Providers#update} (every field optional; {@code id} is taken from the path). Null
 * fields are not sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderRequest(
    @JsonProperty("id") String id,
    @JsonProperty("provider") String provider,
    @JsonProperty("model") String model,
    @JsonProperty("display_name") String displayName,
    @JsonProperty("api_key_env") String apiKeyEnv,
    @JsonProperty("enabled") Boolean enabled,
    @JsonProperty("priority") Integer priority,
    @JsonProperty("max_retries") Integer maxRetries,
    @JsonProperty("base_url") String baseUrl,
    @JsonProperty("region") String region,
    @JsonProperty("role_arn") String roleArn,
    @JsonProperty("extra") Map<String, Object> extra,
    @JsonProperty("scope") Map<String, String> scope) {

  /** A config of a provider type and model, with every other field defaulted by the server. */
  public static ProviderRequest of(String id, String provider, String model) {
    return new ProviderRequest(
        id, provider, model, null, null, null, null, null, null, null, null, null, null);
  }

  ProviderRequest withoutId() {
    return new ProviderRequest(
        null,
        provider,
        model,
        displayName,
        apiKeyEnv,
        enabled,
        priority,
        maxRetries,
        baseUrl,
        region,
        roleArn,
        extra,
        scope);
  }
}
