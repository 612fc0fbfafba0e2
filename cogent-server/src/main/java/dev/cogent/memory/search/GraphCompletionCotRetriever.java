package dev.cogent.memory.search;

import java.util.List;

/**
 * GRAPH_COMPLETION_COT: answers from the initial triplets, then for up to {@code max_iter} rounds
 * (default {@value #DEFAULT_ROUNDS}) the model checks the answer against its context, asks one
 * follow-up question, the follow-up's triplets join the context and the question is answered again.
 * Rounds stop early when a follow-up finds no new triplet (another round could not change the
 * context). With {@code only_context} the initial graph context is returned without any model call.
 */
final class GraphCompletionCotRetriever implements Retriever {

  static final int DEFAULT_ROUNDS = 4;

  private final TripletSearch triplets;
  private final Answerer answerer;

  GraphCompletionCotRetriever(TripletSearch triplets, Answerer answerer) {
    this.triplets = triplets;
    this.answerer = answerer;
  }

  @Override
  public SearchType type() {
    return SearchType.GRAPH_COMPLETION_COT;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    List<Triplet> context = triplets.search(memory, query.text(), query.topK(), query.nodeNames());
    if (context.isEmpty() || query.onlyContext()) {
      return outcome(query, memory, context);
    }
    String answer =
        answerer.ask(
            query, Prompts.graphContextForQuestion(query.text(), GraphContext.render(context)));
    int rounds = query.maxIter() == null ? DEFAULT_ROUNDS : query.maxIter();
    for (int round = 0; round < rounds; round++) {
      String rendered = GraphContext.render(context);
      String missing =
          answerer.ask(
              query,
              Prompts.COT_VALIDATION_SYSTEM,
              Prompts.cotValidation(query.text(), answer, rendered));
      String followup =
          answerer.ask(
              query,
              Prompts.COT_FOLLOWUP_SYSTEM,
              Prompts.cotFollowup(query.text(), answer, missing));
      List<Triplet> more = triplets.search(memory, followup, query.topK(), query.nodeNames());
      List<Triplet> merged = TripletSearch.merge(context, more);
      if (merged.size() == context.size()) {
        break;
      }
      context = merged;
      answer =
          answerer.ask(
              query, Prompts.graphContextForQuestion(query.text(), GraphContext.render(context)));
    }
    return outcome(query, memory, context);
  }

  private SearchOutcome outcome(SearchQuery query, DatasetMemory memory, List<Triplet> context) {
    return answerer.answer(
        query,
        memory,
        type(),
        context.stream().<Object>map(Triplet::payload).toList(),
        GraphContext.render(context),
        Prompts::graphContextForQuestion);
  }
}
