package dev.cogent.registry;

import dev.cogent.scope.Scope;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the registry: a document of kind {@code T} stored under a name in a scope.
 *
 * @param origin for file rows, the file the row was read from ({@code builtin} for built-ins); null
 *     for API rows
 */
public record RegistryEntry<T>(
    RegistryKind kind,
    String name,
    Scope scope,
    Source source,
    String origin,
    T document,
    Instant createdAt,
    Instant updatedAt) {

  public RegistryEntry {
    if (kind == null
        || name == null
        || scope == null
        || source == null
        || document == null
        || createdAt == null
        || updatedAt == null) {
      throw new IllegalArgumentException("only origin may be null");
    }
  }

  public boolean isFileManaged() {
    return source == Source.FILE;
  }

  public Optional<String> findOrigin() {
    return Optional.ofNullable(origin);
  }

  /** How specific the row's scope is: the number of scope keys it restricts. */
  int specificity() {
    return scope.values().size();
  }
}
