/**
 * Embeddings ({@link dev.cogent.memory.index.Embedder}, in-process MiniLM) and the per-dataset
 * Lucene index ({@link dev.cogent.memory.index.MemoryIndex}: HNSW vectors and BM25 text in named
 * collections). Knows nothing of datasets beyond their ids; callers check permissions first.
 */
package dev.cogent.memory.index;
