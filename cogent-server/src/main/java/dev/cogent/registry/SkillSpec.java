package dev.cogent.registry;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The registry document of a skill.
 *
 * @param content the whole {@code SKILL.md} (YAML front matter and Markdown body), validated on
 *     write; a {@code path} given to the API is read once, at request time, into this field
 * @param description the request's description; null shows the front matter's
 */
public record SkillSpec(
    @JsonProperty("content") String content,
    @JsonProperty("description") String description,
    @JsonProperty("enabled") boolean enabled) {

  public SkillSpec {
    if (content == null) {
      throw new IllegalArgumentException("content is required");
    }
  }
}
