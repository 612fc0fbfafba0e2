package dev.cogent.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The registry document of an agent: everything of its definition except the row's name, scope and
 * source. Stored as JSON; the runtime reads every field.
 *
 * @param tools registry tool names; empty means every tool
 * @param skills registry skill names; only these reach the agent
 * @param memory paths of instruction files (such as {@code AGENTS.md}) injected into the prompt
 * @param interruptOn tool names mapped to true when a call needs human approval
 * @param nativeAgent built into the server; cannot be deleted or changed
 */
public record AgentSpec(
    @JsonProperty("system_prompt") String systemPrompt,
    @JsonProperty("description") String description,
    @JsonProperty("mode") AgentMode mode,
    @JsonProperty("tools") List<String> tools,
    @JsonProperty("skills") List<String> skills,
    @JsonProperty("memory") List<String> memory,
    @JsonProperty("interrupt_on") Map<String, Boolean> interruptOn,
    @JsonProperty("model") String model,
    @JsonProperty("temperature") Double temperature,
    @JsonProperty("hidden") boolean hidden,
    @JsonProperty("native") boolean nativeAgent,
    @JsonProperty("response_format") Map<String, Object> responseFormat,
    @JsonProperty("a2a_exposed") boolean a2aExposed) {

  public AgentSpec {
    if (mode == null) {
      throw new IllegalArgumentException("mode is required");
    }
    tools = tools == null ? List.of() : List.copyOf(tools);
    skills = skills == null ? List.of() : List.copyOf(skills);
    memory = memory == null ? List.of() : List.copyOf(memory);
    interruptOn = interruptOn == null ? Map.of() : Map.copyOf(interruptOn);
    responseFormat = responseFormat == null ? null : Map.copyOf(responseFormat);
  }
}
