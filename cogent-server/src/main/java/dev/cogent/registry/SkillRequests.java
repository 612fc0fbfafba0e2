package dev.cogent.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The request bodies of the skill endpoints, as the client sent them (absent = null). */
public final class SkillRequests {

  private SkillRequests() {}

  /**
   * {@code POST /skills} and {@code PUT /skills/{name}}: exactly one of {@code content} and {@code
   * path}.
   *
   * @param path a {@code SKILL.md}, or its folder, inside the project's {@code .cogent/skills}
   *     folder (relative paths are resolved there); read once, when the request is handled
   * @param scope the scope to store the skill under; must be within the caller's; absent = the
   *     caller's own scope
   */
  public record Write(
      @JsonProperty("name") String name,
      @JsonProperty("content") String content,
      @JsonProperty("path") String path,
      @JsonProperty("description") String description,
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("scope") Map<String, String> scope) {

    Write withName(String value) {
      return new Write(value, content, path, description, enabled, scope);
    }

    Write withoutContent() {
      return new Write(name, null, path, description, enabled, scope);
    }
  }

  /**
   * {@code PATCH /skills/{name}}; which fields were given is passed beside it.
   *
   * @param scope selects the row to change (exactly that scope); it does not move the row
   */
  public record Patch(
      @JsonProperty("content") String content,
      @JsonProperty("path") String path,
      @JsonProperty("description") String description,
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("scope") Map<String, String> scope) {}
}
