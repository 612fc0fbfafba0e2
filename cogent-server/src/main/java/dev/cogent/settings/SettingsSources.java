package dev.cogent.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything {@link SettingsLoader} reads besides files: where to look and what the process was
 * started with. Passing these in, instead of reading {@code System.getenv()} or {@code user.home},
 * keeps the loader testable and keeps every other service from reading the environment itself.
 *
 * @param userHome the folder holding {@code .cogent/config.yaml} for the user layer
 * @param workingDir the folder holding {@code .env}; relative paths resolve against it
 * @param environment the real process environment
 * @param flags command-line flags by long name without dashes ({@code host}, {@code port}, {@code
 *     data-dir}, {@code database-url}, {@code project-dir})
 */
public record SettingsSources(
    Path userHome, Path workingDir, Map<String, String> environment, Map<String, String> flags) {

  public SettingsSources {
    if (userHome == null || workingDir == null || environment == null || flags == null) {
      throw new IllegalArgumentException(
          "userHome, workingDir, environment and flags are required");
    }
    environment = Map.copyOf(environment);
    flags = Map.copyOf(flags);
  }
}
