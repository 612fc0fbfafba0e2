package dev.cogent.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A skill as the API shows it (spec 001, "Skills").
 *
 * @param path where the agent reads the skill: {@code /skills/api/<name>} for API skills, the
 *     {@code SKILL.md} file for file skills
 */
public record Skill(
    @JsonProperty("name") String name,
    @JsonProperty("path") String path,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("description") String description,
    @JsonProperty("content") String content,
    @JsonProperty("scope") Map<String, String> scope,
    @JsonProperty("source") Source source) {

  /** The virtual folder the runtime mounts API skills under. */
  public static final String API_PATH_PREFIX = "/skills/api/";

  static Skill of(RegistryEntry<SkillSpec> entry) {
    SkillSpec spec = entry.document();
    String description = spec.description();
    if (description == null) {
      description = SkillDocument.parse(spec.content(), entry.name(), "content").description();
    }
    String path =
        entry.isFileManaged() && entry.origin() != null
            ? entry.origin()
            : API_PATH_PREFIX + entry.name();
    return new Skill(
        entry.name(),
        path,
        spec.enabled(),
        description,
        spec.content(),
        entry.scope().values(),
        entry.source());
  }
}
