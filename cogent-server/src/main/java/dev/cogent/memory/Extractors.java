package dev.cogent.memory;

import dev.cogent.Json;
import dev.cogent.llm.ModelChoice;
import dev.cogent.llm.ModelResolver;
import dev.cogent.llm.ProviderType;
import dev.cogent.memory.cognify.ExtractionPrompt;
import dev.cogent.memory.cognify.GraphExtractor;
import dev.cogent.memory.cognify.HeuristicExtractor;
import dev.cogent.memory.cognify.KnowledgeGraph;
import dev.cogent.memory.cognify.ModelExtractor;
import dev.cogent.scope.Scope;
import dev.cogent.tools.Cancellation;
import java.time.Duration;
import java.util.Optional;

/**
 * Picks the extractor for a cognify run: the first enabled provider config of the caller's scope
 * when there is one, else the heuristic. The scripted {@code mock} provider answers extraction and
 * summary requests with the heuristic, deterministically (it cannot produce JSON graphs from free
 * text), and the run names it {@code model:mock/<model>}. Thread-safe.
 */
public final class Extractors {

  private static final Cancellation NEVER =
      new Cancellation() {
        @Override
        public boolean isCancelled() {
          return false;
        }

        @Override
        public Registration onCancel(Runnable action) {
          return () -> {};
        }
      };

  private final ModelResolver models;
  private final Json json;
  private final HeuristicExtractor heuristic = new HeuristicExtractor();

  public Extractors(ModelResolver models, Json json) {
    this.models = models;
    this.json = json;
  }

  public GraphExtractor forScope(Scope scope) {
    Optional<ModelChoice> choice = models.chooseDefault(scope);
    if (choice.isEmpty()) {
      return heuristic;
    }
    ModelChoice chosen = choice.get();
    String name = "model:" + chosen.provider() + "/" + chosen.model();
    if (chosen.type() == ProviderType.MOCK) {
      return new Named(heuristic, name);
    }
    return new ModelExtractor(
        () -> models.open(chosen, NEVER), name, json, Duration.ofSeconds(120));
  }

  /** An extractor answering as another under a different name. */
  private record Named(GraphExtractor delegate, String name) implements GraphExtractor {
    @Override
    public KnowledgeGraph extract(String text, ExtractionPrompt prompt) {
      return delegate.extract(text, prompt);
    }

    @Override
    public String summarize(String text) {
      return delegate.summarize(text);
    }
  }
}
