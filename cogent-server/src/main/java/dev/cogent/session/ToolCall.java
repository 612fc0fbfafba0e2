package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tool call an assistant message made: its id, the tool and the full arguments. */
public record ToolCall(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("args") Map<String, Object> args) {

  public ToolCall {
    if (id == null || name == null) {
      throw new IllegalArgumentException("id and name are required");
    }
    args = args == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }
}
