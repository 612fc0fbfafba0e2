package dev.cogent.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.cogent.Json;
import dev.cogent.session.ToolCall;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.util.Map;
import java.util.UUID;

/**
 * A tool call the model made, with its arguments parsed, or the reason they could not be.
 *
 * @param parseError null when the arguments were a JSON object
 */
record ParsedCall(
    @JsonProperty("tool_call") ToolCall toolCall, @JsonProperty("parse_error") String parseError) {

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  /** Parses the arguments of a call the model made; a call without an id gets one. */
  static ParsedCall of(ToolExecutionRequest request, Json json) {
    String id = request.id() == null ? "call_" + UUID.randomUUID() : request.id();
    String raw =
        request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments();
    try {
      Object value = json.mapper().readValue(raw, Object.class);
      if (value instanceof Map<?, ?>) {
        return new ParsedCall(
            new ToolCall(id, request.name(), json.mapper().convertValue(value, OBJECT)), null);
      }
      return new ParsedCall(
          new ToolCall(id, request.name(), Map.of()), "the arguments must be a JSON object");
    } catch (JsonProcessingException e) {
      return new ParsedCall(
          new ToolCall(id, request.name(), Map.of()),
          "the arguments are not valid JSON: " + e.getOriginalMessage());
    }
  }
}
