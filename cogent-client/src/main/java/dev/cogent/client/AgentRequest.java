package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of {@link Agents#create} and {@link Agents#replace} ({@code name} required) and of
 * {@link Agents#update} ({@code name} ignored; only the fields set change). Null fields are not
 * sent. Start with {@link #named(String)} and add fields with the {@code with…} methods.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentRequest(
    @JsonProperty("name") String name,
    @JsonProperty("system_prompt") String systemPrompt,
    @JsonProperty("description") String description,
    @JsonProperty("mode") String mode,
    @JsonProperty("tools") List<String> tools,
    @JsonProperty("skills") List<String> skills,
    @JsonProperty("memory") List<String> memory,
    @JsonProperty("interrupt_on") Map<String, Boolean> interruptOn,
    @JsonProperty("model") String model,
    @JsonProperty("temperature") Double temperature,
    @JsonProperty("hidden") Boolean hidden,
    @JsonProperty("response_format") Map<String, Object> responseFormat,
    @JsonProperty("a2a_exposed") Boolean a2aExposed,
    @JsonProperty("scope") Map<String, String> scope) {

  /** A request with only the name set. */
  public static AgentRequest named(String name) {
    return new AgentRequest(
        name, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public AgentRequest withSystemPrompt(String value) {
    return new AgentRequest(
        name,
        value,
        description,
        mode,
        tools,
        skills,
        memory,
        interruptOn,
        model,
        temperature,
        hidden,
        responseFormat,
        a2aExposed,
        scope);
  }

  public AgentRequest withDescription(String value) {
    return new AgentRequest(
        name,
        systemPrompt,
        value,
        mode,
        tools,
        skills,
        memory,
        interruptOn,
        model,
        temperature,
        hidden,
        responseFormat,
        a2aExposed,
        scope);
  }

  /** {@code primary}, {@code subagent} or {@code all}. */
  public AgentRequest withMode(String value) {
    return new AgentRequest(
        name,
        systemPrompt,
        description,
        value,
        tools,
        skills,
        memory,
        interruptOn,
        model,
        temperature,
        hidden,
        responseFormat,
        a2aExposed,
        scope);
  }

  public AgentRequest withTools(List<String> value) {
    return new AgentRequest(
        name,
        systemPrompt,
        description,
        mode,
        List.copyOf(value),
        skills,
        memory,
        interruptOn,
        model,
        temperature,
        hidden,
        responseFormat,
        a2aExposed,
        scope);
  }

  /** Tool names mapped to true need a human's approval before they run. */
  public AgentRequest withInterruptOn(Map<String, Boolean> value) {
    return new AgentRequest(
        name,
        systemPrompt,
        description,
        mode,
        tools,
        skills,
        memory,
        Map.copyOf(value),
        model,
        temperature,
        hidden,
        responseFormat,
        a2aExposed,
        scope);
  }

  public AgentRequest withModel(String value) {
    return new AgentRequest(
        name,
        systemPrompt,
        description,
        mode,
        tools,
        skills,
        memory,
        interruptOn,
        value,
        temperature,
        hidden,
        responseFormat,
        a2aExposed,
        scope);
  }
}
