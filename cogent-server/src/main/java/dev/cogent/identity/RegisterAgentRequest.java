package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/agents/register}: the anchor's {@code RegisterAgentRequest} (snake_case
 * only). Absent fields are null; {@link AgentConnections#register} validates and applies defaults.
 */
public record RegisterAgentRequest(
    @JsonProperty("agent_session_name") String agentSessionName,
    @JsonProperty("type") String type,
    @JsonProperty("memory_mode") String memoryMode,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("dataset_ids") List<String> datasetIds,
    @JsonProperty("dataset_names") List<String> datasetNames,
    @JsonProperty("source") String source,
    @JsonProperty("origin_function") String originFunction,
    @JsonProperty("metadata") Map<String, Object> metadata) {

  /** {@code POST /api/v1/agents/unregister}. */
  public record Unregister(@JsonProperty("agent_session_name") String agentSessionName) {}
}
