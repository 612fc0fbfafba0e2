package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An agent definition of the registry. In lists {@code systemPrompt} is cut to 500 characters;
 * {@link Agents#get} returns it whole. Nullable: {@code description}, {@code model}, {@code
 * temperature}, {@code responseFormat}, {@code systemPrompt}, {@code a2aExposed}, {@code source}.
 */
public record Agent(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("mode") String mode,
    @JsonProperty("hidden") boolean hidden,
    @JsonProperty("native") boolean isNative,
    @JsonProperty("model") String model,
    @JsonProperty("temperature") Double temperature,
    @JsonProperty("response_format") Map<String, Object> responseFormat,
    @JsonProperty("interrupt_on") Map<String, Boolean> interruptOn,
    @JsonProperty("tools") List<String> tools,
    @JsonProperty("skills") List<String> skills,
    @JsonProperty("memory") List<String> memory,
    @JsonProperty("system_prompt") String systemPrompt,
    @JsonProperty("a2a_exposed") Boolean a2aExposed,
    @JsonProperty("scope") Map<String, String> scope,
    @JsonProperty("source") String source) {

  public Agent {
    interruptOn = interruptOn == null ? Map.of() : Map.copyOf(interruptOn);
    tools = tools == null ? List.of() : List.copyOf(tools);
    skills = skills == null ? List.of() : List.copyOf(skills);
    memory = memory == null ? List.of() : List.copyOf(memory);
    scope = scope == null ? Map.of() : Map.copyOf(scope);
  }
}
