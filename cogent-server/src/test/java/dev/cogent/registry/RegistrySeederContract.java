package dev.cogent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.Json;
import dev.cogent.scope.Scope;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeding the registry from a project's {@code .cogent/} folder; SQLite and PostgreSQL. */
abstract class RegistrySeederContract {

  @TempDir Path dir;

  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  final Json json = new Json();
  final SeedProblems problems = new SeedProblems();
  Path project;
  Database database;
  AgentService agents;
  SkillService skills;

  abstract DatabaseKind kind();

  @BeforeEach
  void open() throws IOException {
    project = Files.createDirectories(dir.resolve("project"));
    database = Database.open(new StoreSettings(dir, kind().newDatabaseUrl(dir), null, null, 10));
    var events = new RegistryEvents();
    agents =
        new AgentService(
            new Registry<>(RegistryKind.AGENT, AgentSpec.class, database, json, events, clock),
            json);
    skills =
        new SkillService(
            new Registry<>(RegistryKind.SKILL, SkillSpec.class, database, json, events, clock),
            project,
            json);
  }

  @AfterEach
  void close() {
    database.close();
  }

  void seed() {
    new RegistrySeeder(project, json, agents, skills, problems).seed();
  }

  void write(String relative, String text) throws IOException {
    Path file = project.resolve(".cogent").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void seeds_the_built_in_agents_without_any_files() {
    seed();

    assertThat(agents.list(Scope.GLOBAL))
        .extracting(Agent::name, Agent::nativeAgent, Agent::source)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("default", true, Source.FILE),
            org.assertj.core.api.Assertions.tuple("readonly", true, Source.FILE));
    assertThat(problems.list()).isEmpty();
  }

  @Test
  void seeds_yaml_and_markdown_agents_and_skills() throws IOException {
    write(
        "agents/reviewer.yaml",
        """
        description: Reviews pull requests
        mode: subagent
        tools: [read_file]
        interrupt_on: {execute: true}
        temperature: 0.2
        """);
    write(
        "agents/writer.md",
        """
        ---
        description: Writes docs
        skills: [docs-style]
        ---
        You write clear documentation.
        """);
    write(
        "skills/docs-style/SKILL.md",
        """
        ---
        name: docs-style
        description: How we write docs
        ---
        # Docs style
        """);

    seed();

    Agent reviewer = agents.get("reviewer", Scope.GLOBAL);
    assertThat(reviewer.mode()).isEqualTo(AgentMode.SUBAGENT);
    assertThat(reviewer.tools()).containsExactly("read_file");
    assertThat(reviewer.interruptOn()).containsEntry("execute", true);
    assertThat(reviewer.temperature()).isEqualTo(0.2);
    assertThat(reviewer.source()).isEqualTo(Source.FILE);
    Agent writer = agents.get("writer", Scope.GLOBAL);
    assertThat(writer.systemPrompt()).isEqualTo("You write clear documentation.");
    assertThat(writer.mode()).as("file agents default to all").isEqualTo(AgentMode.ALL);
    assertThat(writer.skills()).containsExactly("docs-style");
    Skill skill = skills.get("docs-style", Scope.GLOBAL);
    assertThat(skill.description()).isEqualTo("How we write docs");
    assertThat(skill.source()).isEqualTo(Source.FILE);
    assertThat(skill.path()).endsWith("docs-style/SKILL.md");
    assertThat(problems.list()).isEmpty();
  }

  @Test
  void a_broken_file_is_reported_and_the_others_still_load() throws IOException {
    write("agents/good.yaml", "description: fine\n");
    write("agents/bad.yaml", "description: [unclosed\n");
    write("agents/unknown.yaml", "descriptoin: typo\n");
    write("agents/hot.yaml", "temperature: 7\n");
    write("agents/default.yaml", "description: trying to replace a built-in\n");
    write("skills/nameless/SKILL.md", "---\ndescription: no name\n---\nbody\n");
    write("skills/plain/SKILL.md", "# no front matter\n");
    write("skills/ok/SKILL.md", "---\nname: ok\ndescription: fine\n---\n");

    seed();

    assertThat(agents.find("good", Scope.GLOBAL)).isPresent();
    assertThat(skills.find("ok", Scope.GLOBAL)).isPresent();
    assertThat(problems.list(RegistryKind.AGENT))
        .extracting(p -> Path.of(p.path()).getFileName().toString())
        .containsExactlyInAnyOrder("bad.yaml", "unknown.yaml", "hot.yaml", "default.yaml");
    assertThat(problems.list(RegistryKind.AGENT))
        .filteredOn(p -> p.path().endsWith("hot.yaml"))
        .singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("temperature"));
    assertThat(problems.list(RegistryKind.SKILL))
        .extracting(SeedProblem::reason)
        .containsExactlyInAnyOrder(
            "content: SKILL.md front matter is missing: name",
            "content: SKILL.md has no YAML front matter: it must start with a '---' line");
    assertThat(agents.get("default", Scope.GLOBAL).nativeAgent()).isTrue();
  }

  @Test
  void reseeding_updates_changed_files_and_removes_gone_ones() throws IOException {
    write("agents/one.yaml", "description: v1\n");
    write("agents/two.yaml", "description: v1\n");
    seed();

    write("agents/one.yaml", "description: v2\n");
    Files.delete(project.resolve(".cogent/agents/two.yaml"));
    seed();

    assertThat(agents.get("one", Scope.GLOBAL).description()).isEqualTo("v2");
    assertThat(agents.find("two", Scope.GLOBAL)).isEmpty();
    assertThat(agents.find("default", Scope.GLOBAL)).as("built-ins stay").isPresent();
  }

  @Test
  void an_api_row_wins_over_a_file_of_the_same_name_across_reseeding() throws IOException {
    seed();
    agents.create(
        new AgentRequests.Write(
            "reviewer",
            "api prompt",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        Scope.GLOBAL);

    write("agents/reviewer.yaml", "system_prompt: file prompt\n");
    seed();
    seed();

    Agent reviewer = agents.get("reviewer", Scope.GLOBAL);
    assertThat(reviewer.systemPrompt()).isEqualTo("api prompt");
    assertThat(reviewer.source()).isEqualTo(Source.API);
    assertThat(problems.list()).isEmpty();
  }

  @Test
  void a_file_agent_with_a_mismatched_name_is_reported() throws IOException {
    write("agents/a.yaml", "name: b\n");

    seed();

    assertThat(agents.find("a", Scope.GLOBAL)).isEmpty();
    assertThat(agents.find("b", Scope.GLOBAL)).isEmpty();
    assertThat(problems.list())
        .extracting(SeedProblem::reason)
        .singleElement()
        .asString()
        .contains("must equal the file name 'a'");
  }

  @Test
  void problems_of_a_kind_are_replaced_by_the_next_seeding() throws IOException {
    write("agents/bad.yaml", "- not a mapping\n");
    seed();
    assertThat(problems.list()).hasSize(1);

    Files.delete(project.resolve(".cogent/agents/bad.yaml"));
    seed();

    assertThat(problems.list()).isEqualTo(List.of());
  }
}
