package dev.cogent.memory.search;

import java.util.List;

/**
 * GRAPH_COMPLETION_CONTEXT_EXTENSION: starts from the initial triplets; for up to {@value #ROUNDS}
 * rounds the model answers and its answer is searched as a new query, whose triplets extend the
 * context; rounds stop when no new triplet comes. The final answer uses the extended context. With
 * {@code only_context} the initial graph context is returned without any model call.
 */
final class GraphCompletionContextExtensionRetriever implements Retriever {

  /** The anchor's {@code context_extension_rounds}. */
  static final int ROUNDS = 4;

  private final TripletSearch triplets;
  private final Answerer answerer;

  GraphCompletionContextExtensionRetriever(TripletSearch triplets, Answerer answerer) {
    this.triplets = triplets;
    this.answerer = answerer;
  }

  @Override
  public SearchType type() {
    return SearchType.GRAPH_COMPLETION_CONTEXT_EXTENSION;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    List<Triplet> context = triplets.search(memory, query.text(), query.topK(), query.nodeNames());
    if (!context.isEmpty() && !query.onlyContext()) {
      for (int round = 0; round < ROUNDS; round++) {
        String answer =
            answerer.ask(
                query, Prompts.graphContextForQuestion(query.text(), GraphContext.render(context)));
        List<Triplet> merged =
            TripletSearch.merge(
                context, triplets.search(memory, answer, query.topK(), query.nodeNames()));
        if (merged.size() == context.size()) {
          break;
        }
        context = merged;
      }
    }
    return answerer.answer(
        query,
        memory,
        type(),
        context.stream().<Object>map(Triplet::payload).toList(),
        GraphContext.render(context),
        Prompts::graphContextForQuestion);
  }
}
