package dev.cogent.memory.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens the search of one dataset into recall items ({@code source: "graph"}): one per answer of
 * a completion type (its context as {@code raw}), one per retrieved payload otherwise (its {@code
 * text} and {@code score}), one per rule of CODING_RULES, and one with the context when {@code
 * only_context} was asked.
 */
final class RecallItems {

  private RecallItems() {}

  static List<RecallItem> of(
      DatasetResult result, boolean onlyContext, Map<String, Object> routing) {
    SearchOutcome outcome = result.outcome();
    SearchType type = outcome.usedType();
    List<RecallItem> items = new ArrayList<>();
    if (onlyContext && type.isCompletion()) {
      if (outcome.context() != null) {
        Map<String, Object> metadata = new LinkedHashMap<>(routing);
        metadata.put("only_context", true);
        items.add(item(result, type, text(outcome.context()), null, metadata, outcome.context()));
      }
      return items;
    }
    for (String answer : outcome.completion()) {
      items.add(item(result, type, answer, null, routing, outcome.context()));
    }
    if (!outcome.completion().isEmpty()) {
      return items;
    }
    for (Object object : outcome.objects()) {
      if (object instanceof Map<?, ?> payload) {
        Object score = payload.get("score");
        items.add(
            item(
                result,
                type,
                text(payload.containsKey("text") ? payload.get("text") : payload),
                score instanceof Number number ? number.doubleValue() : null,
                routing,
                payload));
      } else {
        items.add(item(result, type, text(object), null, routing, object));
      }
    }
    return items;
  }

  private static RecallItem item(
      DatasetResult result,
      SearchType type,
      String text,
      Double score,
      Map<String, Object> metadata,
      Object raw) {
    return new RecallItem(
        "graph",
        type.kind(),
        type.name(),
        text,
        score,
        result.datasetId(),
        result.datasetName(),
        metadata,
        raw,
        null);
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
