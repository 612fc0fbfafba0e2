package dev.cogent.runtime;

import dev.cogent.tools.Tool;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An agent definition as one run uses it: the complete system prompt (with memory files and the
 * skill list), the tools it may call, the tools that wait for approval and the sampling
 * temperature.
 *
 * @param name the agent's name (for {@code delegation} events)
 * @param tools the tools by name, in the order the model is shown them (the runtime's own {@code
 *     write_todos} and {@code task} are not in here)
 * @param delegates whether the agent has the {@code task} tool
 * @param interruptOn names of the tools whose calls pause the run for a human
 * @param temperature passed to the model; null leaves the model's default
 * @param unknownTools names the definition's {@code tools} list gives that do not exist here
 */
record AgentProfile(
    String name,
    String systemPrompt,
    Map<String, Tool> tools,
    boolean delegates,
    Set<String> interruptOn,
    Double temperature,
    List<String> unknownTools) {

  AgentProfile {
    tools = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tools));
    interruptOn = Set.copyOf(interruptOn);
    unknownTools = List.copyOf(unknownTools);
  }
}
