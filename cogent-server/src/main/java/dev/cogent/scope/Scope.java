package dev.cogent.scope;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The tenant a request acts for: builder-defined key/value pairs such as {@code user=alice,
 * project=p1}. The empty scope is global. Every lookup that filters by scope uses {@link #isWithin}
 * or {@link #canonical}, so there is one matching rule in the whole server.
 */
public record Scope(Map<String, String> values) {

  public static final Scope GLOBAL = new Scope(Map.of());

  public Scope {
    values = Map.copyOf(new TreeMap<>(values));
  }

  public static Scope of(Map<String, String> values) {
    return values.isEmpty() ? GLOBAL : new Scope(values);
  }

  public boolean isGlobal() {
    return values.isEmpty();
  }

  /**
   * Whether a row with this scope is visible to a caller of {@code caller} scope: every key this
   * scope restricts must have the caller's value. The global scope is within every scope.
   */
  public boolean isWithin(Scope caller) {
    return values.entrySet().stream()
        .allMatch(e -> e.getValue().equals(caller.values().get(e.getKey())));
  }

  /**
   * A stable text form (keys sorted), stored beside rows so that an owner's rows are found with an
   * equality test in SQL. Keys and values are percent-escaped so the form is unambiguous.
   */
  public String canonical() {
    return new TreeMap<>(values)
        .entrySet().stream()
            .map(e -> escape(e.getKey()) + "=" + escape(e.getValue()))
            .collect(Collectors.joining("&"));
  }

  /** The inverse of {@link #canonical}. */
  public static Scope fromCanonical(String canonical) {
    if (canonical.isEmpty()) {
      return GLOBAL;
    }
    Map<String, String> values = new TreeMap<>();
    for (String pair : canonical.split("&")) {
      int eq = pair.indexOf('=');
      values.put(unescape(pair.substring(0, eq)), unescape(pair.substring(eq + 1)));
    }
    return new Scope(values);
  }

  private static String unescape(String text) {
    return text.replace("%3D", "=").replace("%26", "&").replace("%25", "%");
  }

  private static String escape(String text) {
    return text.replace("%", "%25").replace("&", "%26").replace("=", "%3D");
  }
}
