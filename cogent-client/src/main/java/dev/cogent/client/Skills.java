package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The {@code /skills} registry. Obtain it from {@link CogentClient#skills()}. Thread-safe. */
public final class Skills {

  private final Transport transport;

  Skills(Transport transport) {
    this.transport = transport;
  }

  public List<Skill> list() {
    return transport.call("GET", "/skills", null, SkillList.class).skills();
  }

  /**
   * @throws CogentException {@code NOT_FOUND} (404)
   */
  public Skill get(String name) {
    return transport.call("GET", path(name), null, Skill.class);
  }

  /**
   * Creates the skill, or replaces the one in exactly the request's scope.
   *
   * @throws CogentException {@code VALIDATION_ERROR} (422) for a SKILL.md without {@code name} or
   *     {@code description}; {@code CONFLICT} (409) for a file-managed skill
   */
  public Skill create(SkillRequest request) {
    return transport.call("POST", "/skills", request, Skill.class);
  }

  /** Replaces the skill {@code name} entirely. */
  public Skill replace(String name, SkillRequest request) {
    return transport.call("PUT", path(name), request, Skill.class);
  }

  public void delete(String name) {
    transport.call("DELETE", path(name), null, Void.class);
  }

  private static String path(String name) {
    return "/skills/" + Transport.encode(name);
  }

  record SkillList(@JsonProperty("skills") List<Skill> skills) {}
}
