package dev.cogent.settings;

import java.util.List;

/**
 * Multi-tenant scoping ("Multi-Tenant Scoping" in spec 001).
 *
 * @param keys the builder-defined scope key names, lower case; each becomes a required {@code
 *     X-Cognition-Scope-<Key>} header when scoping is enabled
 */
public record ScopingSettings(boolean enabled, List<String> keys) {

  public ScopingSettings {
    keys = List.copyOf(keys);
    for (String key : keys) {
      if (!key.matches("[a-z][a-z0-9_-]{0,63}")) {
        throw new IllegalArgumentException(
            "scoping.keys: '"
                + key
                + "' is not a valid scope key (lower-case letters, digits, - _)");
      }
    }
    if (enabled && keys.isEmpty()) {
      throw new IllegalArgumentException("scoping.keys must name at least one key when enabled");
    }
  }
}
