package dev.cogent.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent agents list|get|delete}. */
@Command(
    name = "agents",
    mixinStandardHelpOptions = true,
    description = "List, show and delete agents (create and update them with `cogent push`).",
    subcommands = {
      AgentsCommand.ListCommand.class,
      AgentsCommand.GetCommand.class,
      AgentsCommand.DeleteCommand.class
    })
final class AgentsCommand implements Runnable {

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
          client -> client.agents().list(),
          "name",
          "mode",
          "source",
          "model",
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
      return ResourceCommands.get(spec, options, client -> client.agents().get(name));
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
          spec, options, names, "deleted", (client, name) -> client.agents().delete(name));
    }
  }
}
