package dev.cogent.memory.search;

import java.util.List;

/** SUMMARIES: the chunk summaries closest to the query by embedding; no model call. */
final class SummariesRetriever implements Retriever {

  @Override
  public SearchType type() {
    return SearchType.SUMMARIES;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    List<Object> payloads =
        memory.summaries(query.text(), query.topK(), query.nodeNames()).stream()
            .<Object>map(Payloads::summary)
            .toList();
    return new SearchOutcome(payloads, payloads, List.of(), type());
  }
}
