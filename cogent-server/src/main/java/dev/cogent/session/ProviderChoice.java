package dev.cogent.session;

import dev.cogent.scope.Scope;
import java.util.List;

/**
 * An enabled model provider config a session may be bound to: its id, its provider type and the
 * model it serves.
 */
public record ProviderChoice(String id, String provider, String model) {

  /** The enabled provider configs visible in a scope; the {@code llm} feature supplies them. */
  @FunctionalInterface
  public interface Source {
    List<ProviderChoice> enabled(Scope scope);
  }
}
