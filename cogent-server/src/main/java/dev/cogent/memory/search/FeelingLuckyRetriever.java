package dev.cogent.memory.search;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * FEELING_LUCKY: one model call picks the search type for the query (a one-word answer, {@code
 * search_type_selector_prompt.txt}) and that type runs. An answer that names no type, or a type
 * that cannot be picked (CYPHER, NATURAL_LANGUAGE, AGENTIC_COMPLETION, FEELING_LUCKY itself), falls
 * back to RAG_COMPLETION, as the anchor does. The outcome reports the type that ran.
 */
final class FeelingLuckyRetriever implements Retriever {

  static final SearchType FALLBACK = SearchType.RAG_COMPLETION;

  private static final Set<SearchType> NOT_PICKABLE =
      EnumSet.of(
          SearchType.CYPHER,
          SearchType.NATURAL_LANGUAGE,
          SearchType.AGENTIC_COMPLETION,
          SearchType.FEELING_LUCKY);

  private final Answerer answerer;
  private final Function<SearchType, Retriever> retrievers;

  FeelingLuckyRetriever(Answerer answerer, Function<SearchType, Retriever> retrievers) {
    this.answerer = answerer;
    this.retrievers = retrievers;
  }

  @Override
  public SearchType type() {
    return SearchType.FEELING_LUCKY;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    String answer =
        answerer.ask(query, Prompts.SELECT_TYPE_SYSTEM, Prompts.selectType(query.text()));
    return retrievers.apply(pick(answer)).search(query, memory);
  }

  /** The type a selector answer names: its first word, else the fallback. */
  static SearchType pick(String answer) {
    String word = answer.strip().split("[^A-Za-z_]+", 2)[0].toUpperCase(Locale.ROOT);
    for (SearchType type : SearchType.values()) {
      if (type.name().equals(word) && !NOT_PICKABLE.contains(type)) {
        return type;
      }
    }
    return FALLBACK;
  }
}
