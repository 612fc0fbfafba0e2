package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An agent identity as listed (the anchor's camelCase names).
 *
 * @param apiKeyLabel the recognisable start of its key, or null when the key was revoked
 */
public record AgentIdentity(
    @JsonProperty("agentId") String agentId,
    @JsonProperty("agentEmail") String agentEmail,
    @JsonProperty("apiKeyLabel") String apiKeyLabel) {}
