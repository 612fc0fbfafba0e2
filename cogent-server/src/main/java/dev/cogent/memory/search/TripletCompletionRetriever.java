package dev.cogent.memory.search;

import dev.cogent.memory.search.DatasetMemory.EdgeView;
import dev.cogent.memory.search.DatasetMemory.Scored;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TRIPLET_COMPLETION: the {@code top_k} edges whose triplet text is closest to the query (the
 * anchor's {@code Triplet_text} collection, which cognify fills here for every edge), as plain
 * {@code source -- relationship -- target} lines answered with {@code context_for_question.txt}.
 */
final class TripletCompletionRetriever implements Retriever {

  private final Answerer answerer;

  TripletCompletionRetriever(Answerer answerer) {
    this.answerer = answerer;
  }

  @Override
  public SearchType type() {
    return SearchType.TRIPLET_COMPLETION;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    Map<String, Double> distances = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (Scored<String> hit : memory.edgeHits(query.text(), query.topK(), query.nodeNames())) {
      if (distances.putIfAbsent(hit.item(), hit.distance()) == null) {
        ids.add(hit.item());
      }
    }
    List<Triplet> found = new ArrayList<>();
    for (EdgeView edge : memory.edges(ids)) {
      found.add(new Triplet(edge, distances.get(edge.id())));
    }
    return answerer.answer(
        query,
        memory,
        type(),
        found.stream().<Object>map(Triplet::payload).toList(),
        String.join("\n", found.stream().map(Triplet::text).toList()),
        Prompts::contextForQuestion);
  }
}
