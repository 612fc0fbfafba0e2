package dev.cogent.memory.search;

import java.util.List;

/**
 * What one search type produced on one dataset: the retrieved objects, the context built from them
 * and, for completion types, the answers (one, as the anchor's completion list).
 *
 * @param objects the retrieved objects as JSON-ready values (payload maps, triplets, rows)
 * @param context the context sent to the model (text for completion types, the payloads otherwise);
 *     null when there is none
 * @param completion the model's answers; empty when the type does not complete or {@code
 *     only_context} was asked
 * @param usedType the type that really ran ({@code FEELING_LUCKY} reports its pick)
 */
public record SearchOutcome(
    List<Object> objects, Object context, List<String> completion, SearchType usedType) {

  public SearchOutcome {
    objects = List.copyOf(objects);
    completion = List.copyOf(completion);
  }

  /** The anchor's {@code search_result}: context if asked for, else the answer, else the rest. */
  public Object result(boolean onlyContext) {
    if (onlyContext) {
      return context;
    }
    if (!completion.isEmpty()) {
      return completion;
    }
    return context != null ? context : objects;
  }

  /** The first answer, else null. */
  public String answer() {
    return completion.isEmpty() ? null : completion.get(0);
  }
}
