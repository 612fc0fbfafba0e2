package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The answers of the {@code /api/v1/agents/connections} endpoints (snake_case, as the anchor). */
public final class ConnectionViews {

  private ConnectionViews() {}

  /** A dataset that connections use, with the agents connected to it. */
  public record MemorySource(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("type") String type,
      @JsonProperty("owner_id") String ownerId,
      @JsonProperty("tenant_id") String tenantId,
      @JsonProperty("status") String status,
      @JsonProperty("connected_agent_ids") List<String> connectedAgentIds,
      @JsonProperty("metadata") Map<String, Object> metadata) {}

  /** {@code GET /api/v1/agents/connections}. */
  public record Page(
      @JsonProperty("agents") List<AgentConnection> agents,
      @JsonProperty("memory_sources") List<MemorySource> memorySources,
      @JsonProperty("total") int total,
      @JsonProperty("limit") int limit,
      @JsonProperty("offset") int offset,
      @JsonProperty("has_more") boolean hasMore) {}

  /**
   * {@code GET /api/v1/agents/connections/me} and {@code /connections/{agent_id}}. Sessions, traces
   * and question-answer pairs come from the memory feature's session cache; until it exists they
   * are empty.
   */
  public record Detail(
      @JsonProperty("agent") AgentConnection agent,
      @JsonProperty("memory_sources") List<MemorySource> memorySources,
      @JsonProperty("recent_sessions") List<Map<String, Object>> recentSessions,
      @JsonProperty("recent_traces") List<Map<String, Object>> recentTraces,
      @JsonProperty("recent_qas") List<Map<String, Object>> recentQas) {}

  /** The answer to unregister, in the anchor's camelCase. */
  public record ActiveAgents(@JsonProperty("activeAgents") int activeAgents) {}
}
