package dev.cogent.tools;

import dev.cogent.scope.Scope;
import java.nio.file.Path;

/**
 * What the runtime tells a tool about the call, from trusted state (never from the model).
 *
 * @param workspace the session's own directory; file tools must not reach outside it
 * @param cancellation the run's cancellation; long tools poll it or register a callback
 */
public record ToolContext(
    String sessionId,
    String runId,
    String toolCallId,
    Scope scope,
    Path workspace,
    Cancellation cancellation) {

  public ToolContext {
    if (sessionId == null || runId == null || scope == null || workspace == null) {
      throw new IllegalArgumentException("sessionId, runId, scope and workspace are required");
    }
    if (cancellation == null) {
      throw new IllegalArgumentException("cancellation is required");
    }
  }
}
