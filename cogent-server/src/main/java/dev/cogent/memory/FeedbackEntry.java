package dev.cogent.memory;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session entry that feedback works on (research §1.7): a question and answer ({@link #QA}) with
 * the graph elements its context came from and the feedback given on it, or an agent trace ({@link
 * #TRACE}) with its {@code session_feedback}. {@code applied} once improve has used the feedback.
 */
public record FeedbackEntry(
    String id,
    String datasetId,
    String sessionId,
    String ownerId,
    String type,
    String question,
    String context,
    String answer,
    List<String> usedIds,
    Integer feedbackScore,
    String feedbackText,
    Map<String, Object> trace,
    boolean applied,
    Instant createdAt) {

  public static final String QA = "qa";
  public static final String TRACE = "trace";

  /** The session of entries given without a session id (the anchor's per-user default). */
  public static final String DEFAULT_SESSION = "default_session";

  public FeedbackEntry {
    usedIds = usedIds == null ? List.of() : List.copyOf(usedIds);
    // Trace fields may be null, which Map.copyOf refuses.
    trace = trace == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(trace));
  }
}
