package dev.cogent.settings;

import java.time.Duration;
import java.util.List;

/**
 * How the built-in tools run commands and how much they say.
 *
 * @param sandbox the sandbox backend of {@code execute}: {@code local} (a plain subprocess in the
 *     session's workspace) or {@code bubblewrap} (the same inside Linux namespaces via {@code
 *     bwrap})
 * @param executeTimeout how long a command may run when the call names no timeout
 * @param maxOutputBytes the most bytes of output a tool hands back to the model; more is cut off
 *     with a note
 */
public record ToolSettings(String sandbox, Duration executeTimeout, int maxOutputBytes) {

  /** The sandbox backends a setting may name. */
  public static final List<String> SANDBOXES = List.of("local", "bubblewrap");

  public ToolSettings {
    if (sandbox == null || !SANDBOXES.contains(sandbox)) {
      throw new IllegalArgumentException(
          "tools.sandbox must be one of " + String.join(", ", SANDBOXES) + ", got " + sandbox);
    }
    if (executeTimeout == null || executeTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("tools.execute_timeout_seconds must be at least 1");
    }
    if (maxOutputBytes < 1024) {
      throw new IllegalArgumentException("tools.max_output_bytes must be at least 1024");
    }
  }
}
