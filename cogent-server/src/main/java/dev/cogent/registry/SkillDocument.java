package dev.cogent.registry;

import dev.cogent.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code SKILL.md}: YAML front matter with {@code name} (equal to the skill's name) and
 * {@code description}, then the Markdown the agent reads on demand.
 */
record SkillDocument(String name, String description, String body) {

  /** Larger files are refused; a skill is read by the model, not a data dump. */
  static final int MAX_CHARS = 1_000_000;

  static final int MAX_DESCRIPTION = 1024;

  /**
   * Parses and validates {@code content} as the skill {@code skillName}.
   *
   * @param field the request field to blame in a 422 ({@code content} or {@code path})
   * @throws ApiException 422 naming what is missing or wrong
   */
  static SkillDocument parse(String content, String skillName, String field) {
    if (content.length() > MAX_CHARS) {
      throw ApiException.invalid(field, "SKILL.md must be at most " + MAX_CHARS + " characters");
    }
    FrontMatter frontMatter;
    try {
      frontMatter = FrontMatter.parse(content);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(field, "SKILL.md " + e.getMessage());
    }
    String name = text(frontMatter.fields().get("name"));
    String description = text(frontMatter.fields().get("description"));
    List<String> missing = new ArrayList<>();
    if (name == null) {
      missing.add("name");
    }
    if (description == null) {
      missing.add("description");
    }
    if (!missing.isEmpty()) {
      throw ApiException.invalid(
          field, "SKILL.md front matter is missing: " + String.join(", ", missing));
    }
    if (!name.equals(skillName)) {
      throw ApiException.invalid(
          field,
          "SKILL.md front matter name '"
              + name
              + "' must equal the skill name '"
              + skillName
              + "'");
    }
    if (description.length() > MAX_DESCRIPTION) {
      throw ApiException.invalid(
          field, "SKILL.md description must be at most " + MAX_DESCRIPTION + " characters");
    }
    return new SkillDocument(name, description, frontMatter.body());
  }

  private static String text(Object value) {
    if (value instanceof String text && !text.isBlank()) {
      return text.strip();
    }
    return null;
  }
}
