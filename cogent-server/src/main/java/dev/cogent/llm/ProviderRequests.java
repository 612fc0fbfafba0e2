package dev.cogent.llm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The request bodies of {@code /models/providers}. Fields are as the client sent them (absent =
 * null); {@link ProviderService} validates them and applies the defaults.
 */
public final class ProviderRequests {

  private ProviderRequests() {}

  /** {@code POST /models/providers}. */
  public record Create(
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
      @JsonProperty("scope") Map<String, String> scope) {}

  /**
   * {@code PATCH /models/providers/{id}}: the fields of {@link Create} but the id. Which fields
   * were given is passed beside it, so an explicit {@code null} clears a field and an absent one
   * keeps it.
   *
   * @param scope selects the row in exactly that scope instead of the most specific visible one
   */
  public record Patch(
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
      @JsonProperty("scope") Map<String, String> scope) {}
}
