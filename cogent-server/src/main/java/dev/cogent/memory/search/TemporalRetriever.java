package dev.cogent.memory.search;

import dev.cogent.memory.search.DatasetMemory.ChunkView;
import dev.cogent.memory.search.DatasetMemory.Scored;
import java.util.List;
import java.util.Optional;

/**
 * TEMPORAL: reads the time interval the query asks about ({@link TimeInterval}); when there is one,
 * the context is the {@code top_k} closest chunks (of the {@value #CANDIDATES} closest) that name a
 * year inside it, joined by the anchor's event separator, answered with {@code
 * graph_context_for_question.txt}. The anchor reads the interval with the model and matches it
 * against Event nodes of a temporal cognify, which this server does not build; matching the years
 * written in the chunks is the equivalent on the text. Without an interval or a matching chunk it
 * falls back to graph triplets, as the anchor does.
 */
final class TemporalRetriever implements Retriever {

  static final int CANDIDATES = 100;
  static final String SEPARATOR = "\n#####################\n";

  private final TripletSearch triplets;
  private final Answerer answerer;

  TemporalRetriever(TripletSearch triplets, Answerer answerer) {
    this.triplets = triplets;
    this.answerer = answerer;
  }

  @Override
  public SearchType type() {
    return SearchType.TEMPORAL;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    Optional<TimeInterval> interval = TimeInterval.parse(query.text());
    if (interval.isPresent()) {
      List<Scored<ChunkView>> events =
          memory.chunks(query.text(), CANDIDATES, query.nodeNames()).stream()
              .filter(hit -> interval.get().mentionedIn(hit.item().text()))
              .limit(query.topK())
              .toList();
      if (!events.isEmpty()) {
        return answerer.answer(
            query,
            memory,
            type(),
            Payloads.chunks(events),
            Payloads.texts(events, SEPARATOR),
            Prompts::graphContextForQuestion);
      }
    }
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
