package dev.cogent.runtime;

import java.util.List;
import java.util.Map;

/**
 * What an {@link AgentTask}'s run produced.
 *
 * @param runId the run (its internal session is gone once the answer is returned)
 * @param text the run's final assistant message
 * @param steps the tool calls of the run, in order, with their results
 */
public record AgentAnswer(String runId, String text, List<Step> steps) {

  public AgentAnswer {
    steps = List.copyOf(steps);
  }

  /** One tool call of the run and the result the model got. */
  public record Step(String toolCallId, String name, Map<String, Object> args, String output) {}
}
