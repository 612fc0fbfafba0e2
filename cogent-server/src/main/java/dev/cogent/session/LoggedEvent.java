package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One event of a session's append-only log: exactly the SSE frame with {@code id: sequence}, {@code
 * event: event} and {@code data: data}.
 */
public record LoggedEvent(
    @JsonProperty("sequence") long sequence,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("run_id") String runId,
    @JsonProperty("event") String event,
    @JsonProperty("data") Map<String, Object> data,
    @JsonProperty("created_at") Instant createdAt) {

  /** The event types that end a run's stream ("SSE Event Types" in spec 001). */
  public static final Set<String> TERMINAL = Set.of("done", "error", "interrupt");

  public LoggedEvent {
    if (sequence < 1 || sessionId == null || runId == null || event == null) {
      throw new IllegalArgumentException("sequence, session_id, run_id and event are required");
    }
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  public boolean isTerminal() {
    return TERMINAL.contains(event);
  }
}
