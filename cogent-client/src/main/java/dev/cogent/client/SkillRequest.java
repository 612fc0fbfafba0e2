package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of a skill create or replace: {@code name} and exactly one of {@code content} (a whole
 * SKILL.md with {@code name} and {@code description} front matter) or {@code path} (a file inside
 * the server's {@code .cogent/skills}). Null fields are not sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SkillRequest(
    @JsonProperty("name") String name,
    @JsonProperty("content") String content,
    @JsonProperty("path") String path,
    @JsonProperty("description") String description,
    @JsonProperty("enabled") Boolean enabled,
    @JsonProperty("scope") Map<String, String> scope) {

  /** A skill given inline. */
  public static SkillRequest of(String name, String content) {
    return new SkillRequest(name, content, null, null, null, null);
  }
}
