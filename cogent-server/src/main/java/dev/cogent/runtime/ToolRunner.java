package dev.cogent.runtime;

import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolCancelledException;
import dev.cogent.tools.ToolResult;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a tool call through the {@link MiddlewareChain} to its tool: the runtime's own {@code
 * write_todos} (the run's plan) and {@code task} (a subagent), or the agent's tool with the trusted
 * context the chain set. A tool that throws becomes a failed result with exit code 1.
 *
 * <p>Thread-safe and stateless.
 */
final class ToolRunner {

  private static final Logger log = LoggerFactory.getLogger(ToolRunner.class);

  private final MiddlewareChain chain;
  private final Function<ToolInvocation, ToolResult> delegation;

  /**
   * @param delegation runs a (valid) {@code task} call in a subagent
   */
  ToolRunner(MiddlewareChain chain, Function<ToolInvocation, ToolResult> delegation) {
    this.chain = chain;
    this.delegation = delegation;
  }

  /**
   * Runs the call, or pauses it for a human.
   *
   * @throws ToolCancelledException when the run was cancelled while the tool ran
   */
  ToolOutcome run(ToolInvocation invocation) {
    return chain.callTool(invocation, call -> ToolOutcome.of(execute(call)));
  }

  private ToolResult execute(ToolInvocation invocation) {
    String name = invocation.name();
    if (TodoList.NAME.equals(name)) {
      return invocation.todos().write(invocation.toolCall().args(), invocation.run().emitter());
    }
    if (AgentProfiles.TASK.equals(name) && invocation.profile().delegates()) {
      return delegation.apply(invocation);
    }
    Tool tool = invocation.profile().tools().get(name);
    if (tool == null || invocation.context() == null) {
      // The chain refuses unknown tools and sets the context; reaching here is a wiring bug.
      throw new IllegalStateException("tool " + name + " reached the runner unchecked");
    }
    try {
      return tool.execute(invocation.toolCall().args(), invocation.context());
    } catch (ToolCancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      if (invocation.run().cancellation().isCancelled()) {
        throw new ToolCancelledException(name);
      }
      log.warn("Tool {} failed in run {}", name, invocation.run().runId(), e);
      return ToolResult.failed("Tool '" + name + "' failed: " + e.getMessage());
    }
  }
}
