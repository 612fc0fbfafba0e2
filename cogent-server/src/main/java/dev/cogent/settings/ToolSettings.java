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
 * @param pythonPath the interpreter of Python code tools: a command looked up on the sandbox's
 *     {@code PATH} ({@code python3}) or an absolute path, whose install prefix the bubblewrap
 *     sandbox then binds read-only
 * @param nodePath the interpreter of JavaScript code tools, as {@code pythonPath}
 */
public record ToolSettings(
    String sandbox,
    Duration executeTimeout,
    int maxOutputBytes,
    String pythonPath,
    String nodePath) {

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
    checkInterpreter("tools.python_path", pythonPath);
    checkInterpreter("tools.node_path", nodePath);
  }

  private static void checkInterpreter(String key, String value) {
    if (value == null || value.isBlank() || !value.strip().equals(value)) {
      throw new IllegalArgumentException(key + " must be a command name or an absolute path");
    }
    if (value.contains("/") && !value.startsWith("/")) {
      throw new IllegalArgumentException(
          key + " must be a command name (found on PATH) or an absolute path, got " + value);
    }
  }
}
