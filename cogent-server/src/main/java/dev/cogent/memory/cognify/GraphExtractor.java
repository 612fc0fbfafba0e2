package dev.cogent.memory.cognify;

/**
 * Turns one chunk into a knowledge graph and a summary. Two implementations: {@link
 * HeuristicExtractor} (no model) and {@link ModelExtractor} (a chat model's structured output).
 * Implementations are thread-safe.
 */
public interface GraphExtractor {

  /**
   * @param prompt the dataset's or request's custom prompt and graph schema (may be empty)
   */
  KnowledgeGraph extract(String text, ExtractionPrompt prompt);

  String summarize(String text);

  /**
   * How pipeline runs name this extractor: {@code heuristic} or {@code model:<provider>/<model>}.
   */
  String name();
}
