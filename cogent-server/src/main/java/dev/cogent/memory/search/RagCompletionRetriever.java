package dev.cogent.memory.search;

import dev.cogent.memory.search.DatasetMemory.ChunkView;
import dev.cogent.memory.search.DatasetMemory.Scored;
import java.util.List;

/**
 * RAG_COMPLETION: the {@code top_k} closest chunks, their texts joined by new lines as context, and
 * the model's answer ({@code context_for_question.txt}).
 */
final class RagCompletionRetriever implements Retriever {

  private final Answerer answerer;

  RagCompletionRetriever(Answerer answerer) {
    this.answerer = answerer;
  }

  @Override
  public SearchType type() {
    return SearchType.RAG_COMPLETION;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    List<Scored<ChunkView>> chunks = memory.chunks(query.text(), query.topK(), query.nodeNames());
    return answerer.answer(
        query,
        memory,
        type(),
        Payloads.chunks(chunks),
        Payloads.texts(chunks, "\n"),
        Prompts::contextForQuestion);
  }
}
