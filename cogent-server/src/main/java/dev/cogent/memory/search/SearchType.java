package dev.cogent.memory.search;

import dev.cogent.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The search types of spec 002, in its order. {@link #GRAPH_COMPLETION} is the default (the
 * seed-era anchor). Each has the {@code kind} recall reports for its items.
 */
public enum SearchType {
  SUMMARIES("summary", false),
  CHUNKS("chunk", false),
  RAG_COMPLETION("rag_completion", true),
  HYBRID_COMPLETION("graph_completion", true),
  TRIPLET_COMPLETION("triplet_completion", true),
  GRAPH_COMPLETION("graph_completion", true),
  GRAPH_COMPLETION_DECOMPOSITION("graph_completion", true),
  GRAPH_SUMMARY_COMPLETION("graph_completion", true),
  CYPHER("cypher", false),
  NATURAL_LANGUAGE("natural_language", false),
  GRAPH_COMPLETION_COT("graph_completion", true),
  GRAPH_COMPLETION_CONTEXT_EXTENSION("graph_completion", true),
  FEELING_LUCKY("unknown", true),
  TEMPORAL("temporal", true),
  CODING_RULES("coding_rule", false),
  CHUNKS_LEXICAL("chunk", false),
  AGENTIC_COMPLETION("graph_completion", true);

  public static final SearchType DEFAULT = GRAPH_COMPLETION;

  private final String kind;
  private final boolean completion;

  SearchType(String kind, boolean completion) {
    this.kind = kind;
    this.completion = completion;
  }

  /** What recall calls an item of this type ({@code chunk}, {@code graph_completion}, …). */
  public String kind() {
    return kind;
  }

  /** Whether the type answers with the chat model (and so honours {@code only_context}). */
  public boolean isCompletion() {
    return completion;
  }

  /**
   * @throws ApiException 422 naming {@code field} for anything but one of the names above
   */
  public static SearchType parse(String value, String field) {
    return Arrays.stream(values())
        .filter(type -> type.name().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.invalid(
                    field,
                    "must be one of "
                        + Arrays.stream(values())
                            .map(Enum::name)
                            .collect(Collectors.joining(", "))));
  }
}
