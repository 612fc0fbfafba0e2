package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether a provider config could be resolved and answered; {@code responsePreview} may be null.
 */
public record ProviderTestResult(
    @JsonProperty("success") boolean success,
    @JsonProperty("provider") String provider,
    @JsonProperty("model") String model,
    @JsonProperty("message") String message,
    @JsonProperty("response_preview") String responsePreview) {}
