package dev.cogent.llm;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the runtime may ask the model catalog: the price of a call and the size of a model's context
 * window. Models are named by Cogent provider type ({@code openai}, {@code anthropic}, {@code
 * bedrock}, {@code google_genai}, {@code google_vertexai}) and the model id the provider knows;
 * {@code openai_compatible} and {@code mock} models are never known.
 *
 * <p>Implementations are thread-safe and never block: they answer from data in memory.
 */
public interface ModelFacts {

  /**
   * The estimated cost of one call in US dollars: {@code inputTokens × input price + outputTokens ×
   * output price}, with the catalog's prices per million tokens.
   *
   * @return empty when the catalog does not know the model or its prices
   */
  Optional<Double> findEstimatedCost(
      String provider, String model, long inputTokens, long outputTokens);

  /**
   * The model's context window in tokens.
   *
   * @return empty when the catalog does not know the model or its window
   */
  OptionalInt findContextWindow(String provider, String model);
}
