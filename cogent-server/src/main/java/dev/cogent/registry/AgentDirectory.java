package dev.cogent.registry;

import dev.cogent.scope.Scope;
import java.util.List;

/**
 * Which agents exist for a scope. Until the scoped config registry lands (issue #5) the only agents
 * are the two built-ins of spec 001: {@code default} (all tools) and {@code readonly}.
 */
public final class AgentDirectory {

  /** The agent a session gets when it names none. */
  public static final String DEFAULT_AGENT = "default";

  private static final List<String> BUILT_IN_PRIMARY_AGENTS = List.of(DEFAULT_AGENT, "readonly");

  /** Whether {@code name} may own a session in this scope (mode {@code primary} or {@code all}). */
  public boolean isPrimary(String name, Scope scope) {
    return BUILT_IN_PRIMARY_AGENTS.contains(name);
  }

  /** The names of the agents that may own a session in this scope, for error messages. */
  public List<String> primaryNames(Scope scope) {
    return BUILT_IN_PRIMARY_AGENTS;
  }
}
