package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A new agent identity; the only time its API key is shown. */
public record CreatedAgent(
    @JsonProperty("agentId") String agentId,
    @JsonProperty("agentEmail") String agentEmail,
    @JsonProperty("agentApiKey") String agentApiKey,
    @JsonProperty("apiKeyLabel") String apiKeyLabel) {}
