package dev.cogent.memory.search;

import dev.cogent.memory.search.DatasetMemory.ChunkView;
import dev.cogent.memory.search.DatasetMemory.Scored;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * The last step every completion type shares: nothing retrieved means an empty result and no model
 * call (the anchor's fix for "phantom" answers on no match); {@code only_context} returns the
 * context without calling the model; otherwise the model answers the templated question, and {@code
 * include_references} appends the evidence: the chunks closest to the answer.
 *
 * <p>Thread-safe.
 */
final class Answerer {

  /** How many chunks an evidence block names. */
  static final int EVIDENCE_CHUNKS = 3;

  private final Completions completions;

  Answerer(Completions completions) {
    this.completions = completions;
  }

  /**
   * @param template renders the user prompt from the question and the context
   */
  SearchOutcome answer(
      SearchQuery query,
      DatasetMemory memory,
      SearchType type,
      List<Object> objects,
      String context,
      BinaryOperator<String> template) {
    if (objects.isEmpty()) {
      return new SearchOutcome(List.of(), null, List.of(), type);
    }
    if (query.onlyContext()) {
      return new SearchOutcome(objects, context, List.of(), type);
    }
    String answer = ask(query, template.apply(query.text(), context));
    if (query.includeReferences()) {
      answer = answer + evidence(memory, answer, query.nodeNames());
    }
    return new SearchOutcome(objects, context, List.of(answer), type);
  }

  /** One model call with the query's system prompt. */
  String ask(SearchQuery query, String userPrompt) {
    return completions.complete(query.scope(), query.systemPrompt(), userPrompt);
  }

  /** One model call with a system prompt of the search type's own. */
  String ask(SearchQuery query, String systemPrompt, String userPrompt) {
    return completions.complete(query.scope(), systemPrompt, userPrompt);
  }

  Completions completions() {
    return completions;
  }

  private static String evidence(DatasetMemory memory, String answer, List<String> nodeSets) {
    List<Scored<ChunkView>> chunks = memory.chunks(answer, EVIDENCE_CHUNKS, nodeSets);
    if (chunks.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\n\nEvidence:");
    for (Scored<ChunkView> hit : chunks) {
      ChunkView chunk = hit.item();
      text.append("\n- ")
          .append(chunk.documentName())
          .append(" #")
          .append(chunk.chunkIndex())
          .append(" (chunk ")
          .append(chunk.id())
          .append("): ")
          .append(excerpt(chunk.text()));
    }
    return text.toString();
  }

  private static String excerpt(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
  }
}
