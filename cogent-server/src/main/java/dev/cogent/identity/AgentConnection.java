package dev.cogent.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A session of an agent (or a user's tool) with the server, as the anchor answers it (snake_case).
 * Its id joins the session name and the user, so registering again updates the same connection.
 *
 * @param userId who registered it: an agent identity or a user
 * @param status {@code active} or {@code inactive}
 */
public record AgentConnection(
    @JsonProperty("id") String id,
    @JsonProperty("agent_session_name") String agentSessionName,
    @JsonProperty("type") String type,
    @JsonProperty("memory_mode") String memoryMode,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("user_id") String userId,
    @JsonProperty("tenant_id") String tenantId,
    @JsonProperty("datasets") List<DatasetRef> datasets,
    @JsonProperty("last_active_at") Instant lastActiveAt,
    @JsonProperty("status") String status,
    @JsonProperty("source") String source,
    @JsonProperty("origin_function") String originFunction,
    @JsonProperty("metadata") Map<String, Object> metadata,
    @JsonProperty("created_at") Instant createdAt) {

  public AgentConnection {
    datasets = List.copyOf(datasets);
    metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
  }

  /** A dataset the connection said it uses, by id or by name. */
  public record DatasetRef(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("role") String role,
      @JsonProperty("type") String type) {}
}
