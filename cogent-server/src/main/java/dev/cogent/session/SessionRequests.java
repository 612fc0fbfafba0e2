package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The request bodies of the session endpoints. Absent fields are null. */
public final class SessionRequests {

  private SessionRequests() {}

  /** {@code POST /sessions}. */
  public record Create(
      @JsonProperty("title") String title,
      @JsonProperty("agent_name") String agentName,
      @JsonProperty("metadata") Map<String, Object> metadata,
      @JsonProperty("config") SessionConfig config) {}

  /** {@code PATCH /sessions/{id}}: only the fields present change. */
  public record Update(
      @JsonProperty("title") String title,
      @JsonProperty("agent_name") String agentName,
      @JsonProperty("metadata") Map<String, Object> metadata,
      @JsonProperty("config") SessionConfig config) {}
}
