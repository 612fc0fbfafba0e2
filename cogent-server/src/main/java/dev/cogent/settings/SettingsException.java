package dev.cogent.settings;

/**
 * The configuration cannot be used: a file is malformed, a key is unknown, or a value has the wrong
 * type or is out of range. The message always names where the value came from (file and line,
 * environment variable or flag) and the dotted key, so an operator can fix it without a stack
 * trace; it never contains a secret value. Thrown at start-up by {@link SettingsLoader}; not
 * retriable until the configuration is changed.
 */
public final class SettingsException extends RuntimeException {

  SettingsException(String message) {
    super(message);
  }

  SettingsException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A value that cannot be used: {@code Invalid setting server.port (flag --port): …}. */
  static SettingsException invalid(SettingKey key, Origin origin, String problem, Throwable cause) {
    return new SettingsException(
        "Invalid setting " + key.path() + " (" + origin + "): " + problem, cause);
  }
}
