package dev.cogent.testing;

import dev.cogent.Json;
import dev.cogent.registry.AgentDirectory;
import dev.cogent.registry.AgentService;
import dev.cogent.registry.AgentSpec;
import dev.cogent.registry.Registry;
import dev.cogent.registry.RegistryEvents;
import dev.cogent.registry.RegistryKind;
import dev.cogent.registry.RegistrySeeder;
import dev.cogent.registry.SeedProblems;
import dev.cogent.registry.SkillService;
import dev.cogent.registry.SkillSpec;
import dev.cogent.store.Database;
import java.nio.file.Path;
import java.time.InstantSource;

/** The real agent registry, seeded with the built-in agents, for tests of other features. */
public final class Agents {

  private Agents() {}

  /** An agent directory over a registry in {@code database}, seeded from {@code projectDir}. */
  public static AgentDirectory directory(
      Database database, Json json, InstantSource clock, Path projectDir) {
    RegistryEvents events = new RegistryEvents();
    AgentService agents =
        new AgentService(
            new Registry<>(RegistryKind.AGENT, AgentSpec.class, database, json, events, clock),
            json);
    SkillService skills =
        new SkillService(
            new Registry<>(RegistryKind.SKILL, SkillSpec.class, database, json, events, clock),
            projectDir,
            json);
    new RegistrySeeder(projectDir, json, agents, skills, new SeedProblems()).seed();
    return new AgentDirectory(agents);
  }
}
