package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A skill: a SKILL.md document of the registry. {@code content} is the whole SKILL.md text. */
public record Skill(
    @JsonProperty("name") String name,
    @JsonProperty("path") String path,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("description") String description,
    @JsonProperty("content") String content,
    @JsonProperty("scope") Map<String, String> scope,
    @JsonProperty("source") String source) {

  public Skill {
    scope = scope == null ? Map.of() : Map.copyOf(scope);
  }
}
