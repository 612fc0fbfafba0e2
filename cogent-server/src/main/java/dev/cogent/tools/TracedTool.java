package dev.cogent.tools;

import dev.cogent.observability.RunAttributes;
import dev.cogent.observability.RunTracer;
import dev.cogent.observability.TraceSpan;
import dev.cogent.scope.ScopeResolver;
import java.util.List;
import java.util.Map;

/**
 * A tool whose every call is a span (a child of the run's span) and is counted by tool and status:
 * {@code ok}, {@code failed} (a non-zero exit code), {@code cancelled} or {@code error} (it threw).
 * Wraps the tools at the SPI boundary, so built-in, MCP and later plugin tools are all observed the
 * same way. Thread-safe when the wrapped tool is.
 */
public final class TracedTool implements Tool {

  private final Tool tool;
  private final RunTracer tracer;

  public TracedTool(Tool tool, RunTracer tracer) {
    this.tool = tool;
    this.tracer = tracer;
  }

  /** Each of {@code tools}, traced. */
  public static List<Tool> all(List<Tool> tools, RunTracer tracer) {
    return tools.stream().<Tool>map(tool -> new TracedTool(tool, tracer)).toList();
  }

  @Override
  public String name() {
    return tool.name();
  }

  @Override
  public String description() {
    return tool.description();
  }

  @Override
  public Map<String, Object> parametersSchema() {
    return tool.parametersSchema();
  }

  @Override
  public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
    RunAttributes run =
        new RunAttributes(
            context.sessionId(),
            context.runId(),
            "unknown",
            context.scope().canonical(),
            context.scope().values().get(ScopeResolver.TENANT_KEY));
    try (TraceSpan span = tracer.toolCall(tool.name(), context.toolCallId(), run)) {
      try {
        ToolResult result = tool.execute(arguments, context);
        span.attribute("cogent.exit_code", result.exitCode());
        span.outcome(result.isSuccess() ? "ok" : "failed");
        return result;
      } catch (ToolCancelledException e) {
        span.outcome("cancelled");
        throw e;
      } catch (RuntimeException e) {
        span.fail(e);
        throw e;
      }
    }
  }
}
