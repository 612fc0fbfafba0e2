package dev.cogent.runtime;

import dev.cogent.session.ToolCall;
import dev.cogent.tools.ToolContext;

/**
 * One tool call on its way through the middleware to the tool.
 *
 * @param todos the run's plan ({@code write_todos} changes it)
 * @param usage the run's token tally (a subagent adds its turns to it)
 * @param approved a human approved this call already (a resumed run): it does not pause again
 * @param inSubagent the call comes from a subagent, which cannot ask a human
 * @param context the trusted context the tool gets; null until {@link
 *     TrustedRuntimeContextMiddleware} has set it
 */
record ToolInvocation(
    AgentLoop.RunContext run,
    AgentProfile profile,
    ParsedCall call,
    TodoList todos,
    RunUsage usage,
    boolean approved,
    boolean inSubagent,
    ToolContext context) {

  static ToolInvocation of(
      AgentLoop.RunContext run,
      AgentProfile profile,
      ParsedCall call,
      TodoList todos,
      RunUsage usage,
      boolean approved,
      boolean inSubagent) {
    return new ToolInvocation(run, profile, call, todos, usage, approved, inSubagent, null);
  }

  ToolCall toolCall() {
    return call.toolCall();
  }

  String name() {
    return call.toolCall().name();
  }

  ToolInvocation withCall(ParsedCall replacement) {
    return new ToolInvocation(
        run, profile, replacement, todos, usage, approved, inSubagent, context);
  }

  ToolInvocation withContext(ToolContext trusted) {
    return new ToolInvocation(run, profile, call, todos, usage, approved, inSubagent, trusted);
  }
}
