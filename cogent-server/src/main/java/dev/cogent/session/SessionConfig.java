package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Per-session LLM settings ("SessionConfig" in spec 001). Every field is optional; absent fields
 * fall through to the agent's and then the server's defaults.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SessionConfig(
    @JsonProperty("provider_id") String providerId,
    @JsonProperty("provider") String provider,
    @JsonProperty("model") String model,
    @JsonProperty("temperature") Double temperature,
    @JsonProperty("max_tokens") Integer maxTokens,
    @JsonProperty("recursion_limit") Integer recursionLimit) {}
