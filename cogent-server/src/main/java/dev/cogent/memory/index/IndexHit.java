package dev.cogent.memory.index;

/**
 * One search result.
 *
 * @param score higher is better; for vector search {@code (1 + cosine) / 2} in [0, 1], for lexical
 *     search the BM25 score
 */
public record IndexHit(
    String datasetId, IndexCollection collection, String id, String text, float score) {}
