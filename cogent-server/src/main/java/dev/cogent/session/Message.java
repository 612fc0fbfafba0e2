package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One message of a session's transcript, as stored and as served ("Message" in spec 001).
 *
 * @param toolCalls the calls an assistant message made; empty for every other role
 * @param toolCallId for a {@code tool} message, the call it answers; otherwise null
 */
public record Message(
    @JsonProperty("id") String id,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("role") MessageRole role,
    @JsonProperty("content") String content,
    @JsonProperty("tool_calls") List<ToolCall> toolCalls,
    @JsonProperty("tool_call_id") String toolCallId,
    @JsonProperty("parent_id") String parentId,
    @JsonProperty("token_count") Integer tokenCount,
    @JsonProperty("model_used") String modelUsed,
    @JsonProperty("created_at") Instant createdAt) {

  public Message {
    if (id == null || sessionId == null || role == null || content == null || createdAt == null) {
      throw new IllegalArgumentException(
          "id, session_id, role, content and created_at are required");
    }
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }
}
