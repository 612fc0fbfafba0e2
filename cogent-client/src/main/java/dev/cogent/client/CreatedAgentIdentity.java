package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A new agent identity with its API key, shown this once. {@link #toString()} hides the key. */
public record CreatedAgentIdentity(
    @JsonProperty("agentId") String agentId,
    @JsonProperty("agentEmail") String agentEmail,
    @JsonProperty("agentApiKey") String agentApiKey,
    @JsonProperty("apiKeyLabel") String apiKeyLabel) {

  @Override
  public String toString() {
    return "CreatedAgentIdentity[agentId=" + agentId + ", agentEmail=" + agentEmail + "]";
  }
}
