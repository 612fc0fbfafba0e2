package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One event of a session's durable log: exactly the SSE frame with id {@code sequence}. {@link
 * #toEvent()} gives its typed form.
 */
public record LoggedEvent(
    @JsonProperty("sequence") long sequence,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("run_id") String runId,
    @JsonProperty("event") String event,
    @JsonProperty("data") JsonNode data,
    @JsonProperty("created_at") Instant createdAt) {

  /** The event as the typed record of its {@code event} type. */
  public RunEvent toEvent() {
    return RunEvent.parse(sequence, event, data);
  }
}
