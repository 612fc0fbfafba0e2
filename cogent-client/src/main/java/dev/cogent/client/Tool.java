package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A tool agents can call. {@code sourceType} is {@code builtin}, {@code file} (discovered in {@code
 * .cogent/tools/}), {@code api_code} or {@code api_path}.
 */
public record Tool(
    @JsonProperty("name") String name,
    @JsonProperty("source_type") String sourceType,
    @JsonProperty("source") String source,
    @JsonProperty("module") String module,
    @JsonProperty("description") String description,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("interrupt_on") boolean interruptOn,
    @JsonProperty("scope") Map<String, String> scope) {

  public Tool {
    scope = scope == null ? Map.of() : Map.copyOf(scope);
  }
}
