package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import dev.cogent.client.SkillRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent skills list|get|create|update|delete}. */
@Command(
    name = "skills",
    mixinStandardHelpOptions = true,
    description =
        "List, show, create, replace and delete skills (or keep them as files: `cogent pull`,"
            + " `cogent push`).",
    subcommands = {
      SkillsCommand.ListCommand.class,
      SkillsCommand.GetCommand.class,
      SkillsCommand.CreateCommand.class,
      SkillsCommand.UpdateCommand.class,
      SkillsCommand.DeleteCommand.class
    })
final class SkillsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List them as a table.")
  static final class ListCommand extends ResourceCommands.ListBase {
    ListCommand() {
      super("name", "enabled", "source", "description");
    }

    @Override
    List<?> fetch(CogentClient client) {
      return client.skills().list();
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Print one as JSON.")
  static final class GetCommand extends ResourceCommands.GetBase {
    @Override
    Object fetch(CogentClient client, String name) {
      return client.skills().get(name);
    }
  }

  /** The SKILL.md text of {@code file}; a missing file is a usage error. */
  static String content(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ClientCalls.UsageException("no such file: " + file);
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a skill from a SKILL.md (front matter with name and description), or replace"
            + " the one of that name in your scope.",
        "Example: cogent skills create testing --file skills/testing/SKILL.md"
      })
  static final class CreateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--file", paramLabel = "SKILL.md", required = true, description = "The skill.")
    Path file;

    @Override
    public Integer call() {
      return ResourceCommands.printed(
          spec,
          options,
          client -> client.skills().create(SkillRequest.of(name, content(file))),
          skill -> "created skill " + skill.name());
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Replace a skill with a new SKILL.md.")
  static final class UpdateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--file", paramLabel = "SKILL.md", required = true, description = "The skill.")
    Path file;

    @Override
    public Integer call() {
      return ResourceCommands.printed(
          spec,
          options,
          client -> client.skills().replace(name, SkillRequest.of(name, content(file))),
          skill -> "updated skill " + skill.name());
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete them.")
  static final class DeleteCommand extends ResourceCommands.DeleteBase {
    @Override
    void remove(CogentClient client, String name) {
      client.skills().delete(name);
    }
  }
}
