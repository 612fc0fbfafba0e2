package dev.cogent.session;

import dev.cogent.scope.Scope;
import java.util.Map;

/**
 * A page of a scope's sessions, optionally narrowed to those whose metadata has every given
 * key/value pair.
 */
public record SessionQuery(Scope scope, Map<String, String> metadata, int limit, int offset) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public SessionQuery {
    metadata = Map.copyOf(metadata);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
  }
}
