package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cogent.Json;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One event of a session's append-only log: exactly the SSE frame with {@code id: sequence}, {@code
 * event: event} and {@code data: data}.
 *
 * <p>A value (equal by its fields), except that it keeps the JSON text of its data once made: a
 * streamed event's data is written to its streams and to the store, and serializing it once instead
 * of twice per token was an eighth of the server's garbage under many streams (docs/benchmarks.md).
 * An event read from the store keeps the text it was read from.
 */
@JsonPropertyOrder({"sequence", "session_id", "run_id", "event", "data", "created_at"})
public final class LoggedEvent {

  /** The event types that end a run's stream ("SSE Event Types" in spec 001). */
  public static final Set<String> TERMINAL = Set.of("done", "error", "interrupt");

  private final long sequence;
  private final String sessionId;
  private final String runId;
  private final String event;
  private final Map<String, Object> data;
  private final Instant createdAt;

  /** The JSON text of {@link #data}, once made; racy but idempotent, like String's hash. */
  private String dataJson;

  public LoggedEvent(
      long sequence,
      String sessionId,
      String runId,
      String event,
      Map<String, Object> data,
      Instant createdAt) {
    if (sequence < 1 || sessionId == null || runId == null || event == null) {
      throw new IllegalArgumentException("sequence, session_id, run_id and event are required");
    }
    this.sequence = sequence;
    this.sessionId = sessionId;
    this.runId = runId;
    this.event = event;
    this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    this.createdAt = createdAt;
  }

  /** An event read from the store, with the JSON text its data was parsed from. */
  LoggedEvent(
      long sequence,
      String sessionId,
      String runId,
      String event,
      Map<String, Object> data,
      String dataJson,
      Instant createdAt) {
    this(sequence, sessionId, runId, event, data, createdAt);
    this.dataJson = dataJson;
  }

  @JsonProperty("sequence")
  public long sequence() {
    return sequence;
  }

  @JsonProperty("session_id")
  public String sessionId() {
    return sessionId;
  }

  @JsonProperty("run_id")
  public String runId() {
    return runId;
  }

  @JsonProperty("event")
  public String event() {
    return event;
  }

  @JsonProperty("data")
  public Map<String, Object> data() {
    return data;
  }

  @JsonProperty("created_at")
  public Instant createdAt() {
    return createdAt;
  }

  /** The JSON text of {@link #data}, made by {@code json} the first time it is asked for. */
  public String dataJson(Json json) {
    String text = dataJson;
    if (text == null) {
      text = json.write(data);
      dataJson = text;
    }
    return text;
  }

  @JsonIgnore
  public boolean isTerminal() {
    return TERMINAL.contains(event);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LoggedEvent that
        && sequence == that.sequence
        && sessionId.equals(that.sessionId)
        && runId.equals(that.runId)
        && event.equals(that.event)
        && data.equals(that.data)
        && Objects.equals(createdAt, that.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, sessionId, runId, event, data, createdAt);
  }

  @Override
  public String toString() {
    return "LoggedEvent[sequence="
        + sequence
        + ", sessionId="
        + sessionId
        + ", runId="
        + runId
        + ", event="
        + event
        + ", data="
        + data
        + ", createdAt="
        + createdAt
        + "]";
  }
}
