package dev.cogent.protocols;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The A2A task shapes Cogent answers with. They carry both the spec 001 names ({@code taskId},
 * parts with {@code type}) and the current A2A protocol's ({@code id}, {@code kind}), so clients of
 * either read them.
 */
public final class A2aWire {

  private A2aWire() {}

  /** A text part. */
  public record Part(
      @JsonProperty("kind") String kind,
      @JsonProperty("type") String type,
      @JsonProperty("text") String text) {
    static Part text(String text) {
      return new Part("text", "text", text);
    }
  }

  /** A message of the agent inside a status. */
  public record Message(
      @JsonProperty("kind") String kind,
      @JsonProperty("role") String role,
      @JsonProperty("messageId") String messageId,
      @JsonProperty("parts") List<Part> parts) {
    public Message {
      parts = List.copyOf(parts);
    }

    static Message agent(String messageId, String text) {
      return new Message("message", "agent", messageId, List.of(Part.text(text)));
    }
  }

  /** A task state ({@code submitted}, {@code working}, {@code completed}, …) and its message. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      @JsonProperty("state") String state,
      @JsonProperty("message") Message message,
      @JsonProperty("timestamp") String timestamp) {
    boolean isFinal() {
      return TaskStates.FINAL.contains(state);
    }
  }

  /** A task: one run of the agent in the context's session. */
  public record Task(
      @JsonProperty("kind") String kind,
      @JsonProperty("id") String id,
      @JsonProperty("taskId") String taskId,
      @JsonProperty("contextId") String contextId,
      @JsonProperty("status") Status status) {
    static Task of(String taskId, String contextId, Status status) {
      return new Task("task", taskId, taskId, contextId, status);
    }
  }

  /** One event of a streamed task. */
  public record StatusUpdate(
      @JsonProperty("kind") String kind,
      @JsonProperty("taskId") String taskId,
      @JsonProperty("contextId") String contextId,
      @JsonProperty("status") Status status,
      @JsonProperty("final") boolean isFinal) {
    static StatusUpdate of(String taskId, String contextId, Status status) {
      return new StatusUpdate("status-update", taskId, contextId, status, status.isFinal());
    }
  }
}
