package dev.cogent.runtime;

import dev.cogent.registry.Agent;
import dev.cogent.registry.Skill;
import dev.cogent.registry.SkillService;
import dev.cogent.registry.Source;
import dev.cogent.scope.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progressive disclosure of skills: lists each attached, enabled skill's name, description and path
 * in the system prompt and writes its {@code SKILL.md} into the workspace under {@code
 * /skills/api/<name>/} (API skills) or {@code /skills/project/<name>/} (file skills), where the
 * model reads the body with {@code read_file} when a task calls for it.
 */
final class SkillsMiddleware implements Middleware {

  private static final Logger log = LoggerFactory.getLogger(SkillsMiddleware.class);

  private final SkillService skills;

  SkillsMiddleware(SkillService skills) {
    this.skills = skills;
  }

  @Override
  public String name() {
    return "SkillsMiddleware";
  }

  @Override
  public String systemPrompt(Agent agent, Scope scope, Path workspace, String prompt) {
    List<String> lines = skillLines(agent, scope, workspace);
    if (lines.isEmpty()) {
      return prompt;
    }
    StringBuilder extended =
        new StringBuilder(prompt)
            .append(
                "\n\n## Skills\n\nEach skill is a SKILL.md file with instructions. When a task"
                    + " matches a skill, read its file with read_file first, then follow it.\n");
    lines.forEach(line -> extended.append('\n').append(line));
    return extended.toString();
  }

  private List<String> skillLines(Agent agent, Scope scope, Path workspace) {
    List<String> lines = new ArrayList<>();
    if (agent.skills() == null) {
      return lines;
    }
    for (String name : agent.skills()) {
      Optional<Skill> skill = skills.find(name, scope).filter(Skill::enabled);
      if (skill.isEmpty()) {
        log.debug("Skill {} of agent {} is missing or disabled", name, agent.name());
        continue;
      }
      String shown = mount(skill.get(), workspace);
      lines.add("- " + name + ": " + skill.get().description() + " (" + shown + ")");
    }
    return lines;
  }

  /** Writes the skill's SKILL.md into the workspace; returns the path the model reads it at. */
  private static String mount(Skill skill, Path workspace) {
    // Skill names are registry names (letters, digits, '.', '_', '-', starting with a letter or a
    // digit), so they cannot climb out of the folder.
    String folder = skill.source() == Source.API ? "api" : "project";
    String shown = "/skills/" + folder + "/" + skill.name() + "/SKILL.md";
    String content = skill.content() == null ? "" : skill.content();
    try {
      WorkspaceWrites.write(
          workspace,
          Path.of("skills", folder, skill.name(), "SKILL.md"),
          content.getBytes(StandardCharsets.UTF_8));
    } catch (WorkspaceWrites.OutsideWorkspaceException e) {
      log.warn("Skill folder {} links outside the workspace; skill not mounted", shown);
      return shown + " (unavailable)";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write skill " + skill.name() + " to the workspace", e);
    }
    return shown;
  }
}
