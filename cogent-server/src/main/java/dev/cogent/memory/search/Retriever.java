package dev.cogent.memory.search;

/**
 * One search type: retrieves objects from a dataset, turns them into context and, for completion
 * types, answers with the chat model (the anchor's three steps, kept together in {@link
 * SearchOutcome} so that {@code verbose} and {@code only_context} can show each).
 *
 * <p>Implementations are stateless and thread-safe.
 */
interface Retriever {

  SearchType type();

  /**
   * Runs the search on one dataset.
   *
   * @throws dev.cogent.ApiException 422 when the type cannot run here; {@code LLM_UNAVAILABLE}
   *     (503) for a completion type without a model provider (unless {@code only_context})
   */
  SearchOutcome search(SearchQuery query, DatasetMemory memory);
}
