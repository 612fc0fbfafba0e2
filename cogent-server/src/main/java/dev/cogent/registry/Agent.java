package dev.cogent.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An agent as the API shows it (spec 001, "Agents"): its definition and where its row lives. */
public record Agent(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("mode") AgentMode mode,
    @JsonProperty("hidden") boolean hidden,
    @JsonProperty("native") boolean nativeAgent,
    @JsonProperty("model") String model,
    @JsonProperty("temperature") Double temperature,
    @JsonProperty("response_format") Map<String, Object> responseFormat,
    @JsonProperty("interrupt_on") Map<String, Boolean> interruptOn,
    @JsonProperty("tools") List<String> tools,
    @JsonProperty("skills") List<String> skills,
    @JsonProperty("memory") List<String> memory,
    @JsonProperty("system_prompt") String systemPrompt,
    @JsonProperty("a2a_exposed") boolean a2aExposed,
    @JsonProperty("scope") Map<String, String> scope,
    @JsonProperty("source") Source source) {

  static Agent of(RegistryEntry<AgentSpec> entry) {
    AgentSpec spec = entry.document();
    return new Agent(
        entry.name(),
        spec.description(),
        spec.mode(),
        spec.hidden(),
        spec.nativeAgent(),
        spec.model(),
        spec.temperature(),
        spec.responseFormat(),
        spec.interruptOn(),
        spec.tools(),
        spec.skills(),
        spec.memory(),
        spec.systemPrompt(),
        spec.a2aExposed(),
        entry.scope().values(),
        entry.source());
  }

  /** This agent with its system prompt cut to at most {@code max} characters (for lists). */
  Agent withPromptCutTo(int max) {
    if (systemPrompt == null || systemPrompt.length() <= max) {
      return this;
    }
    return new Agent(
        name,
        description,
        mode,
        hidden,
        nativeAgent,
        model,
        temperature,
        responseFormat,
        interruptOn,
        tools,
        skills,
        memory,
        systemPrompt.substring(0, max),
        a2aExposed,
        scope,
        source);
  }
}
