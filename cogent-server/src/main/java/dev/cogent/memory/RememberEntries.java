package dev.cogent.memory;

import dev.cogent.ApiException;
import dev.cogent.identity.Permission;
import dev.cogent.identity.Principal;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/remember/entry} (research §1.7): stores one session entry in a dataset the
 * caller may write — a question and answer, feedback on a stored one, or an agent trace — for the
 * feedback tasks of {@link Improve}. Thread-safe.
 */
public final class RememberEntries {

  /** The anchor's trace fields, kept as given. */
  static final List<String> TRACE_FIELDS =
      List.of(
          "trace_id",
          "origin_function",
          "status",
          "memory_query",
          "memory_context",
          "method_params",
          "method_return_value",
          "error_message",
          "session_feedback");

  private final DatasetResolver resolver;
  private final FeedbackRepository entries;
  private final InstantSource clock;

  public RememberEntries(
      DatasetResolver resolver, FeedbackRepository entries, InstantSource clock) {
    this.resolver = resolver;
    this.entries = entries;
    this.clock = clock;
  }

  /**
   * One entry: {@code type} and its fields as the wire gives them.
   *
   * @param fields the entry object without {@code type}
   */
  public record Request(
      String type,
      Map<String, Object> fields,
      String datasetName,
      String datasetId,
      String sessionId) {}

  /**
   * Stores the entry.
   *
   * @return the anchor's result dict ({@code entry_type}, {@code entry_id})
   * @throws ApiException 400 without a dataset; 404 for an unknown dataset or {@code qa_id} of the
   *     session; 422 for an unknown or unsupported type or invalid fields; 403 without write
   */
  public Remember.Result remember(Principal caller, Request request) {
    String type = request.type() == null ? "" : request.type();
    if (type.equals("skill_run")) {
      throw ApiException.invalid(
          "entry.type", "'skill_run' entries are not supported: this server has no skill runs");
    }
    if (!List.of("qa", "feedback", "trace").contains(type)) {
      throw ApiException.invalid("entry.type", "must be one of qa, feedback, trace");
    }
    Dataset dataset =
        resolver.named(caller, request.datasetName(), request.datasetId(), Permission.WRITE);
    String session =
        Forget.present(request.sessionId())
            ? request.sessionId().strip()
            : FeedbackEntry.DEFAULT_SESSION;
    Map<String, Object> fields = request.fields();
    String id =
        switch (type) {
          case "qa" -> storeQa(caller, dataset, session, fields);
          case "feedback" -> storeFeedback(dataset, session, fields);
          default -> storeTrace(caller, dataset, session, fields);
        };
    return new Remember.Result(
        "completed",
        dataset.name(),
        dataset.id(),
        null,
        1,
        0.0,
        List.of(session),
        null,
        null,
        type,
        id,
        null);
  }

  private String storeQa(
      Principal caller, Dataset dataset, String session, Map<String, Object> fields) {
    allow(fields, List.of("question", "context", "answer", "qa_id", "used_graph_element_ids"));
    String question = text(fields, "question", true);
    String answer = text(fields, "answer", true);
    String id = text(fields, "qa_id", false);
    Object used = fields.get("used_graph_element_ids");
    if (used != null
        && !(used instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
      throw ApiException.invalid("entry.used_graph_element_ids", "must be a list of ids");
    }
    FeedbackEntry entry =
        new FeedbackEntry(
            id == null ? UUID.randomUUID().toString() : id,
            dataset.id(),
            session,
            caller.userId(),
            FeedbackEntry.QA,
            question,
            text(fields, "context", false),
            answer,
            used == null ? List.of() : ((List<?>) used).stream().map(String::valueOf).toList(),
            null,
            null,
            null,
            false,
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    if (id != null && entries.findQa(dataset.id(), session, id).isPresent()) {
      throw ApiException.conflict("a QA entry with qa_id '" + id + "' already exists");
    }
    entries.insert(entry);
    return entry.id();
  }

  private String storeFeedback(Dataset dataset, String session, Map<String, Object> fields) {
    allow(fields, List.of("qa_id", "feedback_score", "feedback_text"));
    String qaId = text(fields, "qa_id", true);
    if (!(fields.get("feedback_score") instanceof Integer score) || score < 1 || score > 5) {
      throw ApiException.invalid("entry.feedback_score", "must be an integer from 1 to 5");
    }
    FeedbackEntry qa =
        entries
            .findQa(dataset.id(), session, qaId)
            .orElseThrow(() -> ApiException.notFound("qa entry", qaId));
    entries.attachFeedback(qa.id(), score, text(fields, "feedback_text", false));
    return qa.id();
  }

  private String storeTrace(
      Principal caller, Dataset dataset, String session, Map<String, Object> fields) {
    allow(fields, TRACE_FIELDS);
    Map<String, Object> trace = new LinkedHashMap<>(fields);
    String traceId = text(fields, "trace_id", false);
    text(fields, "session_feedback", false);
    FeedbackEntry entry =
        new FeedbackEntry(
            UUID.randomUUID().toString(),
            dataset.id(),
            session,
            caller.userId(),
            FeedbackEntry.TRACE,
            text(fields, "memory_query", false),
            null,
            null,
            List.of(),
            null,
            null,
            trace,
            false,
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    entries.insert(entry);
    return traceId == null ? entry.id() : traceId;
  }

  private static void allow(Map<String, Object> fields, List<String> known) {
    for (String field : fields.keySet()) {
      if (!known.contains(field)) {
        throw ApiException.invalid(
            "entry." + field, "unknown field; known: " + String.join(", ", known));
      }
    }
  }

  private static String text(Map<String, Object> fields, String name, boolean required) {
    Object value = fields.get(name);
    if (value == null) {
      if (required) {
        throw ApiException.invalid("entry." + name, "is required");
      }
      return null;
    }
    if (!(value instanceof String string)) {
      throw ApiException.invalid("entry." + name, "must be a string");
    }
    return string;
  }
}
