package dev.cogent.scope;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.settings.ScopingSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Resolves the caller's scope from {@code X-Cognition-Scope-<Key>} headers ("Multi-Tenant Scoping"
 * in spec 001). With scoping off every caller acts in the global scope and scope headers are
 * ignored. With scoping on, each configured key's header is required; a missing one is a 403 {@code
 * PERMISSION_DENIED}.
 *
 * <p>Headers are trusted as they come: this mode is for deployments behind a gateway that sets
 * them. Authentication (a later feature) derives the scope from the principal instead.
 */
public final class ScopeResolver {

  public static final String HEADER_PREFIX = "X-Cognition-Scope-";
  private static final int MAX_VALUE_LENGTH = 200;

  private final ScopingSettings settings;

  public ScopeResolver(ScopingSettings settings) {
    this.settings = settings;
  }

  public boolean isEnabled() {
    return settings.enabled();
  }

  /**
   * @param header looks a request header up by name (case-insensitive), null when absent
   */
  public Scope resolve(UnaryOperator<String> header) {
    if (!settings.enabled()) {
      return Scope.GLOBAL;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : settings.keys()) {
      String name = headerName(key);
      String value = header.apply(name);
      if (value == null || value.isBlank()) {
        throw new ApiException(
            ErrorCode.PERMISSION_DENIED,
            "Missing required scope header: " + name.toLowerCase(Locale.ROOT),
            Map.of("header", name.toLowerCase(Locale.ROOT)));
      }
      if (value.length() > MAX_VALUE_LENGTH) {
        throw new ApiException(
            ErrorCode.PERMISSION_DENIED,
            "Scope header is too long: " + name.toLowerCase(Locale.ROOT),
            Map.of("header", name.toLowerCase(Locale.ROOT)));
      }
      values.put(key, value.strip());
    }
    return Scope.of(values);
  }

  /** {@code user} becomes {@code X-Cognition-Scope-User}, {@code tenant_id} {@code …-Tenant_id}. */
  static String headerName(String key) {
    return HEADER_PREFIX + Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }
}
