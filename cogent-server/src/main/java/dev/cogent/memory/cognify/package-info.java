/**
 * The pure steps of cognify: token-based chunking at sentence boundaries, graph extraction (by a
 * model's structured output or by the documented heuristic) and chunk summaries. No storage.
 */
package dev.cogent.memory.cognify;
