package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** A session as the server returns it. */
public record Session(
    @JsonProperty("id") String id,
    @JsonProperty("title") String title,
    @JsonProperty("thread_id") String threadId,
    @JsonProperty("status") String status,
    @JsonProperty("agent_name") String agentName,
    @JsonProperty("metadata") Map<String, String> metadata,
    @JsonProperty("config") SessionConfig config,
    @JsonProperty("scope") Map<String, String> scope,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("message_count") int messageCount) {

  public Session {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    scope = scope == null ? Map.of() : Map.copyOf(scope);
  }
}
