package dev.cogent.runtime;

import dev.cogent.tools.ToolResult;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a call before it runs: arguments that did not parse, an unknown tool, and arguments that
 * break the tool's JSON schema ({@link ToolArguments}) go back to the model as a failed result that
 * says what to fix (the spec's "repair feedback"); they never end the run and never reach a human
 * for approval.
 */
final class ToolArgumentValidationMiddleware implements Middleware {

  @Override
  public String name() {
    return "ToolArgumentValidationMiddleware";
  }

  @Override
  public ToolOutcome aroundTool(ToolInvocation invocation, ToolHandler next) {
    String name = invocation.name();
    ParsedCall call = invocation.call();
    if (call.parseError() != null) {
      return failed("Invalid arguments for tool '" + name + "': " + call.parseError());
    }
    AgentProfile profile = invocation.profile();
    Map<String, Object> schema;
    if (TodoList.NAME.equals(name)) {
      schema = TodoList.SCHEMA;
    } else if (AgentProfiles.TASK.equals(name) && profile.delegates()) {
      schema = Subagents.SCHEMA;
    } else if (profile.tools().containsKey(name)) {
      schema = profile.tools().get(name).parametersSchema();
    } else {
      TreeSet<String> known = new TreeSet<>(profile.tools().keySet());
      known.add(TodoList.NAME);
      if (profile.delegates()) {
        known.add(AgentProfiles.TASK);
      }
      return failed("Unknown tool '" + name + "'. Available tools: " + String.join(", ", known));
    }
    List<String> problems = ToolArguments.problems(schema, call.toolCall().args());
    if (!problems.isEmpty()) {
      return failed(
          "Invalid arguments for tool '"
              + name
              + "': "
              + String.join("; ", problems)
              + ". Fix them and call the tool again.");
    }
    return next.handle(invocation);
  }

  private static ToolOutcome failed(String message) {
    return ToolOutcome.of(ToolResult.failed(message));
  }
}
