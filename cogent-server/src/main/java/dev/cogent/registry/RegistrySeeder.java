package dev.cogent.registry;

import dev.cogent.Json;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the registry at start-up from the project's {@code .cogent/} folder (built-in agents,
 * {@code agents/}, {@code skills/}). A broken file is logged at WARN with its reason, kept in
 * {@link SeedProblems} and skipped; it never stops the server. Running it again (a restart) updates
 * file rows whose file changed and removes those whose file is gone; API rows always win.
 */
public final class RegistrySeeder {

  private static final Logger log = LoggerFactory.getLogger(RegistrySeeder.class);

  private final Path projectDir;
  private final AgentService agents;
  private final SkillService skills;
  private final SeedProblems problems;
  private final AgentFiles agentFiles;
  private final SkillFiles skillFiles = new SkillFiles();

  public RegistrySeeder(
      Path projectDir, Json json, AgentService agents, SkillService skills, SeedProblems problems) {
    this.projectDir = projectDir;
    this.agents = agents;
    this.skills = skills;
    this.problems = problems;
    this.agentFiles = new AgentFiles(json, agents);
  }

  public void seed() {
    LoadedFiles<AgentSpec> agentEntries = agentFiles.read(projectDir);
    report(RegistryKind.AGENT, agentEntries, agents.syncFiles(agentEntries.entries()));
    LoadedFiles<SkillSpec> skillEntries = skillFiles.read(projectDir);
    report(RegistryKind.SKILL, skillEntries, skills.syncFiles(skillEntries.entries()));
  }

  private void report(RegistryKind kind, LoadedFiles<?> loaded, SyncResult result) {
    for (SeedProblem problem : loaded.problems()) {
      log.warn("Skipped {} file {}: {}", kind.wireName(), problem.path(), problem.reason());
    }
    problems.replace(kind, loaded.problems());
    if (!result.shadowed().isEmpty()) {
      log.info("API-created {} rows win over their files: {}", kind.wireName(), result.shadowed());
    }
    log.info(
        "Registry {}s from files: {} created, {} updated, {} removed, {} broken",
        kind.wireName(),
        result.created(),
        result.updated(),
        result.removed(),
        loaded.problems().size());
  }
}
