package dev.cogent.runtime;

import dev.cogent.tools.ToolResult;

/**
 * Pauses a valid call of a tool in the agent's {@code interrupt_on} for a human's decision: the run
 * stops with an {@code interrupt} and continues through {@code POST /resume} (the approved or
 * edited call comes back here marked approved and runs). A subagent cannot ask a human: its call of
 * such a tool, or of one in the delegating agent's {@code interrupt_on}, is refused with a result
 * that says so (delegation is no way around the parent's approvals).
 *
 * <p>Placed after validation: a call the model must fix goes back to it without asking anyone.
 */
final class HumanInTheLoopMiddleware implements Middleware {

  @Override
  public String name() {
    return "HumanInTheLoopMiddleware";
  }

  @Override
  public ToolOutcome aroundTool(ToolInvocation invocation, ToolHandler next) {
    if (invocation.approved() || !invocation.profile().interruptOn().contains(invocation.name())) {
      return next.handle(invocation);
    }
    if (invocation.inSubagent()) {
      return ToolOutcome.of(
          ToolResult.failed(
              "Tool '"
                  + invocation.name()
                  + "' needs a human's approval, which a subagent cannot ask for. Report what you"
                  + " would do instead, and let the delegating agent do it."));
    }
    return ToolOutcome.pause();
  }
}
