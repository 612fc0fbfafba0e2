package dev.cogent.runtime;

import dev.cogent.llm.ModelChoice;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the runtime asks the model catalog (issue #4) about the model of a run: its context window
 * (when to summarize) and its price (the {@code usage} event's {@code estimated_cost}). {@link
 * #UNKNOWN} knows nothing: the runtime then uses {@code runtime.default_context_window_tokens} and
 * reports the cost as null.
 *
 * <p>Implementations are thread-safe.
 */
public interface ModelCatalogLookup {

  /** Knows no model. */
  ModelCatalogLookup UNKNOWN =
      new ModelCatalogLookup() {
        @Override
        public OptionalInt contextWindow(ModelChoice choice) {
          return OptionalInt.empty();
        }

        @Override
        public Optional<Double> estimatedCost(
            ModelChoice choice, int inputTokens, int outputTokens) {
          return Optional.empty();
        }
      };

  /** The most tokens the model takes in one request, if the catalog knows it. */
  OptionalInt contextWindow(ModelChoice choice);

  /**
   * What {@code inputTokens} in and {@code outputTokens} out cost in USD, if the price is known.
   */
  Optional<Double> estimatedCost(ModelChoice choice, int inputTokens, int outputTokens);
}
