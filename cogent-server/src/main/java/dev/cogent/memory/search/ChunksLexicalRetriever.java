package dev.cogent.memory.search;

import java.util.List;

/**
 * CHUNKS_LEXICAL: the chunks ranked by Okapi BM25 (the dataset's lexical index), for exact terms
 * and phrases embeddings blur; no model call.
 */
final class ChunksLexicalRetriever implements Retriever {

  @Override
  public SearchType type() {
    return SearchType.CHUNKS_LEXICAL;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    List<Object> payloads =
        Payloads.chunks(memory.lexicalChunks(query.text(), query.topK(), query.nodeNames()));
    return new SearchOutcome(payloads, payloads, List.of(), type());
  }
}
