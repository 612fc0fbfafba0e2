package dev.cogent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.cli.CliRunner.Result;
import dev.cogent.client.ArtifactRequest;
import dev.cogent.client.ArtifactUpdate;
import dev.cogent.client.ArtifactVersion;
import dev.cogent.client.CogentClient;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Creating agents and skills from the CLI, snapshots with artifacts, and the help of it all. */
class AuthoringCommandsIT {

  @TempDir Path dir;
  private TestServer server;
  private CogentClient sdk;
  private String url;
  private CliRunner cli;

  @BeforeEach
  void start() {
    server = TestServer.start(DatabaseKind.SQLITE, dir, Map.of(), InstantSource.system());
    url = server.uri("").toString();
    sdk = CogentClient.builder(url).build();
    cli = new CliRunner(url, dir.resolve("cli.yaml"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Result run(String... args) {
    return cli.run(args);
  }

  @Test
  void agents_are_created_from_flags_or_a_file_and_updated() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("writer.yaml"),
            "system_prompt: Write well.\nmode: primary\ntools: [read_file]\n");
    Path unknown = Files.writeString(dir.resolve("bad.yaml"), "colour: blue\n");

    Result fromFlags =
        run("agents", "create", "reviewer", "--prompt", "Review code.", "--mode", "primary");
    Result fromFile = run("agents", "create", "writer", "--file", file.toString(), "--json");
    Result updated = run("agents", "update", "reviewer", "--description", "Reviews");
    Result invalid = run("agents", "create", "bad", "--file", unknown.toString());
    Result missing = run("agents", "create", "ghost", "--file", dir.resolve("no.yaml").toString());

    assertThat(fromFlags.exitCode()).as(fromFlags.err()).isZero();
    assertThat(fromFlags.out()).isEqualTo("created agent reviewer" + System.lineSeparator());
    assertThat(fromFile.out()).contains("\"name\" : \"writer\"", "Write well.");
    assertThat(sdk.agents().get("writer").tools()).containsExactly("read_file");
    assertThat(updated.out()).contains("updated agent reviewer");
    assertThat(sdk.agents().get("reviewer").systemPrompt()).isEqualTo("Review code.");
    assertThat(sdk.agents().get("reviewer").description()).isEqualTo("Reviews");
    assertThat(invalid.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(invalid.err()).contains("colour");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void skills_are_created_and_replaced_from_a_skill_file() throws Exception {
    Path skill =
        Files.writeString(
            dir.resolve("SKILL.md"),
            "---\nname: testing\ndescription: How we test\n---\nAssertJ.\n");
    Path broken = Files.writeString(dir.resolve("BROKEN.md"), "no front matter\n");

    Result created = run("skills", "create", "testing", "--file", skill.toString());
    Files.writeString(skill, Files.readString(skill) + "More.\n");
    Result updated = run("skills", "update", "testing", "--file", skill.toString());
    Result refused = run("skills", "create", "broken", "--file", broken.toString());

    assertThat(created.out()).contains("created skill testing");
    assertThat(updated.out()).contains("updated skill testing");
    assertThat(sdk.skills().get("testing").content()).endsWith("More.\n");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(refused.err()).contains("VALIDATION_ERROR");
  }

  @Test
  void a_snapshot_round_trips_artifacts_with_their_versions() {
    sdk.artifacts()
        .create(ArtifactRequest.of("plan", "Plan", "artifact", "v1").withContentType("text/plain"));
    sdk.artifacts().update("plan", ArtifactUpdate.content("v2"));
    Path archive = dir.resolve("snapshot.zip");

    Result created = run("snapshot", "create", archive.toString());
    sdk.artifacts().delete("plan");
    Result restored = run("snapshot", "restore", archive.toString());
    sdk.artifacts().update("plan", ArtifactUpdate.content("v3"));
    Result again = run("snapshot", "restore", archive.toString());

    assertThat(created.out()).contains("1 artifacts");
    assertThat(restored.exitCode()).as(restored.err()).isZero();
    assertThat(restored.out()).contains("+ artifact plan", "1 artifacts");
    assertThat(again.out()).contains("~ artifact plan");
    assertThat(sdk.artifacts().versions("plan"))
        .extracting(ArtifactVersion::content)
        .containsExactly("v2", "v3", "v2", "v1");
    assertThat(sdk.artifacts().get("plan").name()).isEqualTo("Plan");
  }

  @Test
  void every_command_and_option_has_help() {
    CommandLine root = new CommandLine(new Main());
    List<String> missing = new ArrayList<>();
    collect(root, missing);
    StringWriter out = new StringWriter();
    root.setOut(new PrintWriter(out));
    root.execute("--help");

    assertThat(missing).isEmpty();
    assertThat(out.toString()).contains("remember", "recall", "improve", "forget", "datasets");
  }

  private static void collect(CommandLine command, List<String> missing) {
    var spec = command.getCommandSpec();
    if (spec.usageMessage().description().length == 0 && !spec.name().equals("help")) {
      missing.add(spec.qualifiedName());
    }
    for (var option : spec.options()) {
      if (option.description().length == 0) {
        missing.add(spec.qualifiedName() + " " + option.longestName());
      }
    }
    command.getSubcommands().values().forEach(sub -> collect(sub, missing));
  }
}
