package dev.cogent.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent skills list|get|delete}. */
@Command(
    name = "skills",
    mixinStandardHelpOptions = true,
    description = "List, show and delete skills (create and update them with `cogent push`).",
    subcommands = {
      SkillsCommand.ListCommand.class,
      SkillsCommand.GetCommand.class,
      SkillsCommand.DeleteCommand.class
    })
final class SkillsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List them as a table.")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Override
    public Integer call() {
      return ResourceCommands.list(
          spec,
          options,
          client -> client.skills().list(),
          "name",
          "enabled",
          "source",
          "description");
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Print one as JSON.")
  static final class GetCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return ResourceCommands.get(spec, options, client -> client.skills().get(name));
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete them.")
  static final class DeleteCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME", arity = "1..*")
    List<String> names;

    @Override
    public Integer call() {
      return ResourceCommands.delete(
          spec, options, names, "deleted", (client, name) -> client.skills().delete(name));
    }
  }
}
