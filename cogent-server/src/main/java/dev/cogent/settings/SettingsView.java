package dev.cogent.settings;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What {@code GET /config} shows of the settings ("Configuration" in spec 001): infrastructure
 * only, with secrets left out and credentials stripped from URLs.
 */
public final class SettingsView {

  /** What a secret is shown as, where it is shown at all. */
  static final String MASK = "***";

  private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/?#@]*@");
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&;][a-z_.-]*password=)[^&;#]*");

  private SettingsView() {}

  /**
   * The body of {@code GET /config}: {@code server}, {@code llm} (providers are filled in by the
   * caller that knows them; here always empty), {@code rate_limit}, {@code observability}, {@code
   * mlflow}, {@code store} ({@code backend} and a redacted {@code database_url}) and {@code
   * scoping}. Never contains the database user's password or a password inside a URL. The maps keep
   * their order and are unmodifiable; absent optional values are null.
   */
  public static Map<String, Object> redactedView(Settings settings) {
    Map<String, Object> view = new LinkedHashMap<>();
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("host", settings.server().host());
    server.put("port", settings.server().port());
    server.put("log_level", settings.server().logLevel());
    server.put("scoping_enabled", settings.scoping().enabled());
    view.put("server", Collections.unmodifiableMap(server));
    view.put("llm", Map.of("available_providers", List.of()));
    for (String section : List.of("rate_limit", "observability", "mlflow")) {
      view.put(section, section(settings, section));
    }
    Map<String, Object> store = new LinkedHashMap<>();
    store.put("backend", backend(settings.store().databaseUrl()));
    store.put("database_url", SettingKey.STORE_DATABASE_URL.displayValue(settings));
    view.put("store", Collections.unmodifiableMap(store));
    Map<String, Object> scoping = new LinkedHashMap<>();
    scoping.put("enabled", settings.scoping().enabled());
    scoping.put("keys", settings.scoping().keys());
    view.put("scoping", Collections.unmodifiableMap(scoping));
    return Collections.unmodifiableMap(view);
  }

  /**
   * {@code url} without its user name and password ({@code postgresql://ann:pw@db/x} becomes {@code
   * postgresql://db/x}) and with {@code password=} parameters replaced by {@code ***}.
   */
  static String redactUrl(String url) {
    String withoutUser = USER_INFO.matcher(url).replaceFirst("");
    return PASSWORD_PARAMETER.matcher(withoutUser).replaceAll("$1" + MASK);
  }

  /** Every key of a section, by its name within the section, as {@link SettingKey} shows it. */
  private static Map<String, Object> section(Settings settings, String section) {
    Map<String, Object> values = new LinkedHashMap<>();
    Arrays.stream(SettingKey.values())
        .filter(key -> key.section().equals(section) && !key.isSecret())
        .forEach(
            key ->
                values.put(key.path().substring(section.length() + 1), key.displayValue(settings)));
    return Collections.unmodifiableMap(values);
  }

  private static String backend(String databaseUrl) {
    if (databaseUrl != null && databaseUrl.strip().matches("(?i)(jdbc:)?postgres(ql)?:.*")) {
      return "postgresql";
    }
    return "sqlite";
  }
}
