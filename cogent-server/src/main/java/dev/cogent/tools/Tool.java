package dev.cogent.tools;

import java.util.Map;

/**
 * A tool an agent can call: the service provider interface every built-in, file, code, plugin and
 * MCP tool implements. The runtime validates arguments against {@link #parametersSchema()} before
 * calling {@link #execute}, and never passes the model's view of the session or scope: those come
 * from the trusted {@link ToolContext}.
 *
 * <p>Implementations must be thread-safe: one instance serves every session.
 */
public interface Tool {

  /** The name the model calls it by; unique among an agent's tools. */
  String name();

  /** What the tool does, for the model. */
  String description();

  /** The JSON schema ({@code type: object}) of the arguments, as nested maps and lists. */
  Map<String, Object> parametersSchema();

  /**
   * Runs the tool. A failure the model can act on (a missing file, a non-zero exit) is a {@link
   * ToolResult} with a non-zero exit code, not an exception.
   *
   * @throws ToolCancelledException when the run was cancelled while the tool ran
   */
  ToolResult execute(Map<String, Object> arguments, ToolContext context);
}
