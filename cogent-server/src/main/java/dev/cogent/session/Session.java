package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A conversation with one agent, as stored and as served on the wire. */
public record Session(
    @JsonProperty("id") String id,
    @JsonProperty("title") String title,
    @JsonProperty("thread_id") String threadId,
    @JsonProperty("status") SessionStatus status,
    @JsonProperty("agent_name") String agentName,
    @JsonProperty("metadata") Map<String, String> metadata,
    @JsonProperty("config") SessionConfig config,
    @JsonProperty("scope") Map<String, String> scope,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("message_count") int messageCount) {

  public Session {
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    scope = Map.copyOf(scope);
  }
}
