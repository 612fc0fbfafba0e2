package dev.cogent.memory.search;

import java.util.List;

/** CHUNKS: the chunks closest to the query by embedding, node-set filtered; no model call. */
final class ChunksRetriever implements Retriever {

  @Override
  public SearchType type() {
    return SearchType.CHUNKS;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    List<Object> payloads =
        Payloads.chunks(memory.chunks(query.text(), query.topK(), query.nodeNames()));
    return new SearchOutcome(payloads, payloads, List.of(), type());
  }
}
