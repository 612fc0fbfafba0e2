package dev.cogent.scope;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.settings.ScopingSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Resolves the caller's scope from {@code X-Cognition-Scope-<Key>} headers ("Multi-Tenant Scoping"
 * in spec 001). With scoping off every caller acts in the global scope and scope headers are
 * ignored. With scoping on, each configured key's header is required; a missing one is a 403 {@code
 * PERMISSION_DENIED}.
 *
 * <p>Headers are trusted as they come: this mode is for deployments behind a gateway that sets
 * them. An authenticated caller's scope comes from its principal instead ({@link #resolveFor}); see
 * docs/security.md.
 */
public final class ScopeResolver {

  public static final String HEADER_PREFIX = "X-Cognition-Scope-";

  /** The scope key an authenticated caller's user id fills; never read from a header. */
  public static final String USER_KEY = "user";

  /** The scope key an authenticated caller's tenant id fills; never read from a header. */
  public static final String TENANT_KEY = "tenant";

  private static final Set<String> IDENTITY_KEYS = Set.of(USER_KEY, TENANT_KEY);
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
      values.put(key, headerValue(key, header));
    }
    return Scope.of(values);
  }

  /**
   * The scope of an authenticated caller: {@code identity} (its {@code user} and {@code tenant}
   * values, from the verified principal) always, whether scoping is on or off, so that users never
   * see each other's resources. With scoping on, each other configured key (such as {@code
   * project}) still comes from its header: it can only narrow the caller's own space. The identity
   * keys are never read from headers.
   *
   * @param identity the principal's values by key; only {@code user} and {@code tenant}
   */
  public Scope resolveFor(Map<String, String> identity, UnaryOperator<String> header) {
    if (!IDENTITY_KEYS.containsAll(identity.keySet())) {
      throw new IllegalArgumentException("identity keys are user and tenant: " + identity.keySet());
    }
    Map<String, String> values = new LinkedHashMap<>(identity);
    if (settings.enabled()) {
      for (String key : settings.keys()) {
        if (!IDENTITY_KEYS.contains(key)) {
          values.put(key, headerValue(key, header));
        }
      }
    }
    return Scope.of(values);
  }

  private static String headerValue(String key, UnaryOperator<String> header) {
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
    return value.strip();
  }

  /** {@code user} becomes {@code X-Cognition-Scope-User}, {@code tenant_id} {@code …-Tenant_id}. */
  static String headerName(String key) {
    return HEADER_PREFIX + Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }
}
