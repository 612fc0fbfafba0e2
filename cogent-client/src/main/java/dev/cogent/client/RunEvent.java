package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;

/**
 * One event of a run, as streamed over SSE and kept in the session's event log. {@link #sequence()}
 * is its position in the session's log (the SSE {@code id}); {@link #type()} the SSE {@code event}
 * name. A run ends with exactly one {@link Done}, {@link Error} or {@link Interrupt} ({@link
 * #isTerminal()}). Types this SDK does not know arrive as {@link Other}.
 */
public sealed interface RunEvent {

  long sequence();

  /** The SSE event name, e.g. {@code token}. */
  String type();

  /** Whether the run ends with this event. */
  default boolean isTerminal() {
    return false;
  }

  /** {@code token}: a piece of the assistant's text; append in order. */
  record Token(@JsonProperty("sequence") long sequence, @JsonProperty("content") String content)
      implements RunEvent {
    public String type() {
      return "token";
    }
  }

  /**
   * {@code tool_call}: the agent invokes a tool; {@code id} reappears in the {@link ToolResult}.
   */
  record ToolCall(
      @JsonProperty("sequence") long sequence,
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("args") Map<String, Object> args)
      implements RunEvent {
    public String type() {
      return "tool_call";
    }
  }

  /** {@code tool_result}: a tool's output; {@code exitCode} 0 means success. */
  record ToolResult(
      @JsonProperty("sequence") long sequence,
      @JsonProperty("tool_call_id") String toolCallId,
      @JsonProperty("output") String output,
      @JsonProperty("exit_code") int exitCode)
      implements RunEvent {
    public String type() {
      return "tool_result";
    }
  }

  /** {@code planning}: the agent's task plan. */
  record Planning(
      @JsonProperty("sequence") long sequence, @JsonProperty("todos") List<String> todos)
      implements RunEvent {
    public String type() {
      return "planning";
    }
  }

  /** {@code step_complete}: a step of the plan is done. */
  record StepComplete(
      @JsonProperty("sequence") long sequence,
      @JsonProperty("step_number") int stepNumber,
      @JsonProperty("total_steps") int totalSteps,
      @JsonProperty("description") String description)
      implements RunEvent {
    public String type() {
      return "step_complete";
    }
  }

  /** {@code delegation}: a subtask handed to a subagent. */
  record Delegation(
      @JsonProperty("sequence") long sequence,
      @JsonProperty("from_agent") String fromAgent,
      @JsonProperty("to_agent") String toAgent,
      @JsonProperty("task") String task)
      implements RunEvent {
    public String type() {
      return "delegation";
    }
  }

  /** {@code status}: thinking, idle, waiting_for_approval, resuming or cancelled. */
  record Status(@JsonProperty("sequence") long sequence, @JsonProperty("status") String status)
      implements RunEvent {
    public String type() {
      return "status";
    }
  }

  /**
   * {@code interrupt}: the run waits for a human decision on a protected tool call; answer it with
   * {@link Sessions#resume} and a {@link Decision}.
   */
  record Interrupt(
      @JsonProperty("sequence") long sequence,
      @JsonProperty("tool_call_id") String toolCallId,
      @JsonProperty("tool_name") String toolName,
      @JsonProperty("args") Map<String, Object> args,
      @JsonProperty("session_id") String sessionId)
      implements RunEvent {
    public String type() {
      return "interrupt";
    }

    @Override
    public boolean isTerminal() {
      return true;
    }
  }

  /**
   * {@code usage}: tokens used by the run; {@code estimatedCost} null when the price is unknown.
   */
  record Usage(
      @JsonProperty("sequence") long sequence,
      @JsonProperty("input_tokens") long inputTokens,
      @JsonProperty("output_tokens") long outputTokens,
      @JsonProperty("estimated_cost") Double estimatedCost,
      @JsonProperty("provider") String provider,
      @JsonProperty("model") String model)
      implements RunEvent {
    public String type() {
      return "usage";
    }
  }

  /** {@code error}: the run failed, or was aborted (code {@code ABORTED}). */
  record Error(
      @JsonProperty("sequence") long sequence,
      @JsonProperty("message") String message,
      @JsonProperty("code") String code)
      implements RunEvent {
    public String type() {
      return "error";
    }

    @Override
    public boolean isTerminal() {
      return true;
    }
  }

  /** {@code done}: the run completed with this stored assistant message. */
  record Done(
      @JsonProperty("sequence") long sequence,
      @JsonProperty("assistant_data") Message assistantData)
      implements RunEvent {
    public String type() {
      return "done";
    }

    @Override
    public boolean isTerminal() {
      return true;
    }
  }

  /** An event type this version of the SDK does not know, with its raw payload. */
  record Other(long sequence, String type, JsonNode data) implements RunEvent {}

  /** Reads an event from its SSE parts. */
  static RunEvent parse(long sequence, String type, JsonNode data) {
    Class<? extends RunEvent> kind =
        switch (type) {
          case "token" -> Token.class;
          case "tool_call" -> ToolCall.class;
          case "tool_result" -> ToolResult.class;
          case "planning" -> Planning.class;
          case "step_complete" -> StepComplete.class;
          case "delegation" -> Delegation.class;
          case "status" -> Status.class;
          case "interrupt" -> Interrupt.class;
          case "usage" -> Usage.class;
          case "error" -> Error.class;
          case "done" -> Done.class;
          default -> null;
        };
    if (kind == null || !(data instanceof ObjectNode object)) {
      return new Other(sequence, type, data);
    }
    ObjectNode withSequence = object.deepCopy();
    withSequence.put("sequence", sequence);
    try {
      return Mapper.JSON.treeToValue(withSequence, kind);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      return new Other(sequence, type, data);
    }
  }

  /** The mapper events are read with; configured once, never changed. */
  final class Mapper {
    static final ObjectMapper JSON =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Mapper() {}
  }
}
