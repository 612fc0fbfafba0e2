package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored message of a session. {@code role} is {@code user}, {@code assistant}, {@code system} or
 * {@code tool}; {@code toolCallId} is set on tool messages only.
 */
public record Message(
    @JsonProperty("id") String id,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("role") String role,
    @JsonProperty("content") String content,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("tool_calls") List<ToolCall> toolCalls,
    @JsonProperty("tool_call_id") String toolCallId,
    @JsonProperty("parent_id") String parentId,
    @JsonProperty("token_count") Integer tokenCount,
    @JsonProperty("model_used") String modelUsed) {

  public Message {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  /** A tool call the assistant made. */
  public record ToolCall(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("args") Map<String, Object> args) {}
}
