package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A human's answer to an {@link RunEvent.Interrupt}: {@code approve}, {@code edit} (with the
 * replacement arguments) or {@code reject} (optionally with a message for the agent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(
    @JsonProperty("decision") String decision,
    @JsonProperty("tool_call_id") String toolCallId,
    @JsonProperty("tool_name") String toolName,
    @JsonProperty("args") Map<String, Object> args) {

  public static Decision approve(RunEvent.Interrupt interrupt) {
    return new Decision("approve", interrupt.toolCallId(), interrupt.toolName(), null);
  }

  /** Runs the tool with {@code args} instead of the agent's arguments. */
  public static Decision edit(RunEvent.Interrupt interrupt, Map<String, Object> args) {
    return new Decision("edit", interrupt.toolCallId(), interrupt.toolName(), Map.copyOf(args));
  }

  /** Skips the tool; {@code message} (may be null) tells the agent why. */
  public static Decision reject(RunEvent.Interrupt interrupt, String message) {
    return new Decision(
        "reject",
        interrupt.toolCallId(),
        interrupt.toolName(),
        message == null ? null : Map.of("message", message));
  }
}
