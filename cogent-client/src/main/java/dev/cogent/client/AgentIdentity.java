package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An agent identity: a password-less user, child of its creator, that logs in with its key. */
public record AgentIdentity(
    @JsonProperty("agentId") String agentId,
    @JsonProperty("agentEmail") String agentEmail,
    @JsonProperty("apiKeyLabel") String apiKeyLabel) {}
