package dev.cogent.memory.search;

import dev.cogent.identity.Principal;
import dev.cogent.memory.FeedbackEntry;
import dev.cogent.memory.FeedbackRepository;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores the answers of a session's recalls as QA entries (the anchor's {@code SessionQAEntry}),
 * with the ids of the nodes and edges whose triplets made the context, so feedback on the answer
 * can weigh exactly those. Thread-safe.
 */
final class SessionAnswers {

  private final FeedbackRepository entries;
  private final InstantSource clock;

  SessionAnswers(FeedbackRepository entries, InstantSource clock) {
    this.entries = entries;
    this.clock = clock;
  }

  /**
   * One QA entry per dataset result that has an answer or a context.
   *
   * @return the QA entry id by dataset id
   */
  Map<String, String> record(
      Principal caller, String sessionId, String question, List<DatasetResult> results) {
    Map<String, String> ids = new LinkedHashMap<>();
    var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    for (DatasetResult result : results) {
      SearchOutcome outcome = result.outcome();
      String context = outcome.context() instanceof String text ? text : null;
      if (outcome.answer() == null && context == null) {
        continue;
      }
      String id = UUID.randomUUID().toString();
      ids.put(result.datasetId(), id);
      entries.insert(
          new FeedbackEntry(
              id,
              result.datasetId(),
              sessionId,
              caller.userId(),
              FeedbackEntry.QA,
              question,
              context,
              outcome.answer(),
              usedIds(outcome.objects()),
              null,
              null,
              null,
              false,
              now));
    }
    return ids;
  }

  /** The edge and both node ids of every triplet among the retrieved objects. */
  static List<String> usedIds(List<Object> objects) {
    Set<String> ids = new LinkedHashSet<>();
    for (Object object : objects) {
      if (object instanceof Map<?, ?> map
          && map.get("source") instanceof Map<?, ?> source
          && map.get("target") instanceof Map<?, ?> target
          && map.get("id") instanceof String edge) {
        ids.add(String.valueOf(source.get("id")));
        ids.add(edge);
        ids.add(String.valueOf(target.get("id")));
      }
    }
    return List.copyOf(ids);
  }
}
