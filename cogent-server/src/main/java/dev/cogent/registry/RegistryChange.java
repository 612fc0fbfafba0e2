package dev.cogent.registry;

import dev.cogent.scope.Scope;

/**
 * A committed change of one registry row, published to {@link RegistryEvents} listeners so that
 * caches of that row (agent definitions, compiled tool sets) drop it.
 */
public record RegistryChange(RegistryKind kind, String name, Scope scope, Action action) {

  public RegistryChange {
    if (kind == null || name == null || scope == null || action == null) {
      throw new IllegalArgumentException("every field of a registry change is required");
    }
  }

  /** What happened to the row. */
  public enum Action {
    CREATED,
    UPDATED,
    DELETED
  }
}
