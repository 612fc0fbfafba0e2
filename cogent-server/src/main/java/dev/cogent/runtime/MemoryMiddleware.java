package dev.cogent.runtime;

import dev.cogent.registry.Agent;
import dev.cogent.scope.Scope;
import java.nio.file.Path;

/**
 * Puts the instruction files the agent's {@code memory} list names (such as {@code AGENTS.md}) into
 * its system prompt, each under a heading with its name, read by {@link MemoryFiles} from the
 * session workspace or else the project folder.
 */
final class MemoryMiddleware implements Middleware {

  private final MemoryFiles files;

  MemoryMiddleware(MemoryFiles files) {
    this.files = files;
  }

  @Override
  public String name() {
    return "MemoryMiddleware";
  }

  @Override
  public String systemPrompt(Agent agent, Scope scope, Path workspace, String prompt) {
    if (agent.memory() == null || agent.memory().isEmpty()) {
      return prompt;
    }
    StringBuilder extended = new StringBuilder(prompt);
    for (String path : agent.memory()) {
      files
          .read(path, workspace)
          .ifPresent(
              found ->
                  extended
                      .append("\n\n## Instructions from ")
                      .append(found.path())
                      .append("\n\n")
                      .append(found.content().strip()));
    }
    return extended.toString();
  }
}
