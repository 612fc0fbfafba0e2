package dev.cogent.protocols;

import dev.cogent.ErrorCode;
import dev.cogent.session.LoggedEvent;
import dev.cogent.session.Run;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The task-state mapping of spec 001 ("A2A Protocol"): {@code status: thinking} and {@code token}
 * are {@code working} (a token with its text), {@code done} is {@code completed}, {@code error} is
 * {@code failed} ({@code canceled} when the run was aborted), {@code interrupt} is {@code
 * input-required}. Other events (usage, tool calls, …) have no A2A state.
 */
final class TaskStates {

  static final String SUBMITTED = "submitted";
  static final String WORKING = "working";
  static final String COMPLETED = "completed";
  static final String FAILED = "failed";
  static final String CANCELED = "canceled";
  static final String INPUT_REQUIRED = "input-required";

  /** The states that end a task's stream. */
  static final Set<String> FINAL = Set.of(COMPLETED, FAILED, CANCELED, INPUT_REQUIRED);

  private TaskStates() {}

  /** The A2A status an event of the run's log stands for, if any. */
  static Optional<A2aWire.Status> of(LoggedEvent event) {
    Map<String, Object> data = event.data();
    String time = event.createdAt().toString();
    String messageId = event.runId() + "-" + event.sequence();
    return switch (event.event()) {
      case "status" ->
          "thinking".equals(data.get("status"))
              ? Optional.of(new A2aWire.Status(WORKING, null, time))
              : Optional.empty();
      case "token" ->
          Optional.of(
              new A2aWire.Status(
                  WORKING, A2aWire.Message.agent(messageId, text(data.get("content"))), time));
      case "done" ->
          Optional.of(
              new A2aWire.Status(COMPLETED, A2aWire.Message.agent(messageId, answer(data)), time));
      case "error" ->
          Optional.of(
              new A2aWire.Status(
                  ErrorCode.ABORTED.name().equals(data.get("code")) ? CANCELED : FAILED,
                  A2aWire.Message.agent(messageId, text(data.get("message"))),
                  time));
      case "interrupt" ->
          Optional.of(
              new A2aWire.Status(
                  INPUT_REQUIRED, A2aWire.Message.agent(messageId, approvalQuestion(data)), time));
      default -> Optional.empty();
    };
  }

  /** The state of a stored run, with the agent's answer (or the error) as its message. */
  static A2aWire.Status of(Run run, String answer) {
    String time = run.updatedAt().toString();
    return switch (run.status()) {
      case QUEUED -> new A2aWire.Status(SUBMITTED, null, time);
      case RUNNING -> new A2aWire.Status(WORKING, null, time);
      case WAITING_FOR_APPROVAL -> new A2aWire.Status(INPUT_REQUIRED, null, time);
      case COMPLETED ->
          new A2aWire.Status(
              COMPLETED,
              answer == null ? null : A2aWire.Message.agent(run.assistantMessageId(), answer),
              time);
      case FAILED, ABORTED ->
          new A2aWire.Status(
              run.status().name().equals("ABORTED") ? CANCELED : FAILED,
              run.error() == null
                  ? null
                  : A2aWire.Message.agent(run.id() + "-error", run.error().message()),
              time);
    };
  }

  /** What an {@code input-required} task asks: approval of its pending tool call. */
  static String approvalQuestion(Map<String, Object> interrupt) {
    return "Approval needed to run the tool '"
        + text(interrupt.get("tool_name"))
        + "'. Reply \"approve\" in this task to run it; any other reply declines it and is given"
        + " to the agent.";
  }

  @SuppressWarnings("unchecked")
  private static String answer(Map<String, Object> done) {
    Object assistant = done.get("assistant_data");
    if (assistant instanceof Map<?, ?> map) {
      return text(((Map<String, Object>) map).get("content"));
    }
    return "";
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
