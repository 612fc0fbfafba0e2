package dev.cogent.runtime;

import dev.cogent.scope.Scope;
import dev.cogent.tools.Tool;
import java.util.List;

/**
 * An agent run the server starts for its own work (an AGENTIC_COMPLETION search) instead of for a
 * client's message, with an agent definition given inline: {@link AgentRuntime#answer} runs it in
 * an internal session of {@code scope} and returns its final message.
 *
 * @param scope where the internal session lives and whose tools, skills and provider configs the
 *     run uses
 * @param title the internal session's title
 * @param systemPrompt the agent's system prompt (the middleware adds the skill list to it)
 * @param tools the names of every tool the agent may call: server tools, registry and MCP tools of
 *     the scope, or {@code extraTools}; at least one
 * @param skills names of skills of the scope, listed in the system prompt (read with {@code
 *     read_file})
 * @param extraTools tools only this run has; they win over server tools of the same name
 * @param recursionLimit the model turns the run may take
 * @param message the user message that starts the run
 */
public record AgentTask(
    Scope scope,
    String title,
    String systemPrompt,
    List<String> tools,
    List<String> skills,
    List<Tool> extraTools,
    int recursionLimit,
    String message) {

  public AgentTask {
    tools = List.copyOf(tools);
    skills = List.copyOf(skills);
    extraTools = List.copyOf(extraTools);
    if (tools.isEmpty()) {
      // An agent definition with no tools means every tool; a task names its tools.
      throw new IllegalArgumentException("an agent task names at least one tool");
    }
    if (recursionLimit < 1) {
      throw new IllegalArgumentException("recursionLimit must be at least 1");
    }
  }
}
