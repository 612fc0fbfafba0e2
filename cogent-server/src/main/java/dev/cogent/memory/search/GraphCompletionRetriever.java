package dev.cogent.memory.search;

import java.util.List;

/**
 * GRAPH_COMPLETION, the default: the {@code top_k} triplets of {@link TripletSearch} rendered as
 * graph context ({@link GraphContext}) and the model's answer ({@code
 * graph_context_for_question.txt}).
 */
final class GraphCompletionRetriever implements Retriever {

  private final TripletSearch triplets;
  private final Answerer answerer;

  GraphCompletionRetriever(TripletSearch triplets, Answerer answerer) {
    this.triplets = triplets;
    this.answerer = answerer;
  }

  @Override
  public SearchType type() {
    return SearchType.GRAPH_COMPLETION;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    List<Triplet> found = triplets.search(memory, query.text(), query.topK(), query.nodeNames());
    return answerer.answer(
        query,
        memory,
        type(),
        found.stream().<Object>map(Triplet::payload).toList(),
        GraphContext.render(found),
        Prompts::graphContextForQuestion);
  }
}
