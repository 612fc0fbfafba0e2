package dev.cogent.registry;

import dev.cogent.scope.Scope;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Which agents may own a session in a scope: those visible there whose mode is {@code primary} or
 * {@code all}. A hidden agent may still own a session when a client names it (hidden only keeps it
 * out of listings and {@code GET /agents/{name}}), but it is never suggested in error messages.
 */
public final class AgentDirectory {

  /** The agent a session gets when it names none. */
  public static final String DEFAULT_AGENT = "default";

  private final BiFunction<String, Scope, Optional<Agent>> find;
  private final Function<Scope, List<Agent>> listVisible;

  /** Answers from the registry. */
  public AgentDirectory(AgentService agents) {
    this(agents::find, agents::list);
  }

  private AgentDirectory(
      BiFunction<String, Scope, Optional<Agent>> find, Function<Scope, List<Agent>> listVisible) {
    this.find = find;
    this.listVisible = listVisible;
  }

  /** Whether {@code name} may own a session in this scope (mode {@code primary} or {@code all}). */
  public boolean isPrimary(String name, Scope scope) {
    return find.apply(name, scope).map(agent -> agent.mode().canOwnSessions()).orElse(false);
  }

  /** The names of the non-hidden agents that may own a session in this scope, for messages. */
  public List<String> primaryNames(Scope scope) {
    return listVisible.apply(scope).stream()
        .filter(agent -> !agent.hidden() && agent.mode().canOwnSessions())
        .map(Agent::name)
        .toList();
  }
}
