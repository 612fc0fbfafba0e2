package dev.cogent.runtime;

import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolCancelledException;
import dev.cogent.tools.ToolContext;
import dev.cogent.tools.ToolResult;
import dev.cogent.tools.Workspaces;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tool calls for an agent profile, turning every problem the model can fix (arguments that did
 * not parse, an unknown tool, arguments that break the tool's schema, a tool that throws) into a
 * failed result with exit code 1. Tools get the trusted context of the run (session, scope,
 * workspace, cancellation), never values from the model.
 *
 * <p>Thread-safe and stateless; a run's plan ({@link TodoList}) is passed in.
 */
final class ToolRunner {

  private static final Logger log = LoggerFactory.getLogger(ToolRunner.class);

  private final Workspaces workspaces;

  ToolRunner(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  /**
   * Whether the call must wait for a human: its tool is in the profile's {@code interrupt_on} and
   * the call would run (calls the model must fix first go back to it without asking anyone).
   */
  boolean needsApproval(AgentProfile profile, ParsedCall call) {
    return profile.interruptOn().contains(call.toolCall().name())
        && problem(profile, call).isEmpty();
  }

  /**
   * Runs the call.
   *
   * @throws ToolCancelledException when the run was cancelled while the tool ran
   */
  ToolResult execute(
      AgentLoop.RunContext run, AgentProfile profile, TodoList todos, ParsedCall call) {
    Optional<ToolResult> problem = problem(profile, call);
    if (problem.isPresent()) {
      return problem.get();
    }
    String name = call.toolCall().name();
    Map<String, Object> args = call.toolCall().args();
    if (TodoList.NAME.equals(name)) {
      return todos.write(args, run.emitter());
    }
    Tool tool = profile.tools().get(name);
    try {
      return tool.execute(
          args,
          new ToolContext(
              run.session().id(),
              run.runId(),
              call.toolCall().id(),
              run.scope(),
              workspaces.forSession(run.session().id()),
              run.cancellation()));
    } catch (ToolCancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      if (run.cancellation().isCancelled()) {
        throw new ToolCancelledException(name);
      }
      log.warn("Tool {} failed in run {}", name, run.runId(), e);
      return ToolResult.failed("Tool '" + name + "' failed: " + e.getMessage());
    }
  }

  /** The result the model gets instead of running the call, if the call cannot run. */
  Optional<ToolResult> problem(AgentProfile profile, ParsedCall call) {
    String name = call.toolCall().name();
    if (call.parseError() != null) {
      return Optional.of(
          ToolResult.failed("Invalid arguments for tool '" + name + "': " + call.parseError()));
    }
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
      return Optional.of(
          ToolResult.failed(
              "Unknown tool '" + name + "'. Available tools: " + String.join(", ", known)));
    }
    List<String> problems = ToolArguments.problems(schema, call.toolCall().args());
    if (!problems.isEmpty()) {
      return Optional.of(
          ToolResult.failed(
              "Invalid arguments for tool '"
                  + name
                  + "': "
                  + String.join("; ", problems)
                  + ". Fix them and call the tool again."));
    }
    return Optional.empty();
  }
}
