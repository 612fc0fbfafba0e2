package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A session's LLM overrides; null fields are not sent and fall back to the defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionConfig(
    @JsonProperty("provider_id") String providerId,
    @JsonProperty("provider") String provider,
    @JsonProperty("model") String model,
    @JsonProperty("temperature") Double temperature,
    @JsonProperty("max_tokens") Integer maxTokens,
    @JsonProperty("recursion_limit") Integer recursionLimit) {

  /** Binds the session to a configured provider by its id (the preferred way). */
  public static SessionConfig providerId(String providerId) {
    return new SessionConfig(providerId, null, null, null, null, null);
  }

  /** Binds the session to a provider type and model. */
  public static SessionConfig model(String provider, String model) {
    return new SessionConfig(null, provider, model, null, null, null);
  }
}
