package dev.cogent.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The request bodies of the agent endpoints. Fields are as the client sent them (absent = null);
 * {@link AgentService} validates them and applies the defaults.
 */
public final class AgentRequests {

  private AgentRequests() {}

  /**
   * {@code POST /agents} and {@code PUT /agents/{name}}, and the shape of an agent file.
   *
   * @param mode {@code primary}, {@code subagent} or {@code all} (the default)
   * @param scope the scope to store the agent under; must be within the caller's; absent = the
   *     caller's own scope
   */
  public record Write(
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

    Write withName(String value) {
      return new Write(
          value,
          systemPrompt,
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
  }

  /**
   * {@code PATCH /agents/{name}}: the fields of {@link Write} but the name. Which fields were given
   * is passed beside it, so that an explicit {@code null} clears a field and an absent one keeps
   * it.
   *
   * @param scope selects the row to change (exactly that scope) instead of the most specific one
   *     visible; it does not move the row
   */
  public record Patch(
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
      @JsonProperty("scope") Map<String, String> scope) {}
}
