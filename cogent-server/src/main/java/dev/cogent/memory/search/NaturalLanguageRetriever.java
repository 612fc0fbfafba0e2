package dev.cogent.memory.search;

/**
 * NATURAL_LANGUAGE: the anchor has the model write Cypher for the question and runs it. Without a
 * graph-query backend that cannot run here: 422, as {@link CypherRetriever}.
 */
final class NaturalLanguageRetriever implements Retriever {

  @Override
  public SearchType type() {
    return SearchType.NATURAL_LANGUAGE;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    throw CypherRetriever.noGraphQueryBackend(type());
  }
}
