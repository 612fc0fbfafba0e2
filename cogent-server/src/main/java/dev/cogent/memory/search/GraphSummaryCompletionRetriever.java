package dev.cogent.memory.search;

import java.util.List;

/**
 * GRAPH_SUMMARY_COMPLETION: GRAPH_COMPLETION whose graph context is first summarized by the model
 * ({@code summarize_search_results.txt}); the summary is the context of the answer. With {@code
 * only_context} the graph context is returned before summarization, without any model call.
 */
final class GraphSummaryCompletionRetriever implements Retriever {

  private final TripletSearch triplets;
  private final Answerer answerer;

  GraphSummaryCompletionRetriever(TripletSearch triplets, Answerer answerer) {
    this.triplets = triplets;
    this.answerer = answerer;
  }

  @Override
  public SearchType type() {
    return SearchType.GRAPH_SUMMARY_COMPLETION;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    List<Triplet> found = triplets.search(memory, query.text(), query.topK(), query.nodeNames());
    List<Object> objects = found.stream().<Object>map(Triplet::payload).toList();
    String context = GraphContext.render(found);
    if (found.isEmpty() || query.onlyContext()) {
      return answerer.answer(
          query, memory, type(), objects, context, Prompts::graphContextForQuestion);
    }
    String summary = answerer.ask(query, Prompts.SUMMARIZE_SYSTEM, context);
    return answerer.answer(
        query, memory, type(), objects, summary, Prompts::graphContextForQuestion);
  }
}
