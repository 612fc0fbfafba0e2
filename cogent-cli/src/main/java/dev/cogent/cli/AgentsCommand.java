package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent agents list|get|create|update|delete}. */
@Command(
    name = "agents",
    mixinStandardHelpOptions = true,
    description =
        "List, show, create, update and delete agents (or keep them as files: `cogent pull`,"
            + " `cogent push`).",
    subcommands = {
      AgentsCommand.ListCommand.class,
      AgentsCommand.GetCommand.class,
      AgentsCommand.CreateCommand.class,
      AgentsCommand.UpdateCommand.class,
      AgentsCommand.DeleteCommand.class
    })
final class AgentsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List them as a table.")
  static final class ListCommand extends ResourceCommands.ListBase {
    ListCommand() {
      super("name", "mode", "source", "model", "description");
    }

    @Override
    List<?> fetch(CogentClient client) {
      return client.agents().list();
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Print one as JSON.")
  static final class GetCommand extends ResourceCommands.GetBase {
    @Override
    Object fetch(CogentClient client, String name) {
      return client.agents().get(name);
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create an agent, or replace the one of that name in your scope.",
        "Example: cogent agents create reviewer --model gpt-4o --prompt 'Review code.' --tool"
            + " read_file"
      })
  static final class CreateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin AgentFields fields;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return ResourceCommands.printed(
          spec,
          options,
          client -> client.agents().create(fields.request(name)),
          agent -> "created agent " + agent.name());
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = "Change the fields given (flags or --file) of an agent; the others stay.")
  static final class UpdateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin AgentFields fields;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return ResourceCommands.printed(
          spec,
          options,
          client -> client.agents().update(name, fields.request(name)),
          agent -> "updated agent " + agent.name());
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete them.")
  static final class DeleteCommand extends ResourceCommands.DeleteBase {
    @Override
    void remove(CogentClient client, String name) {
      client.agents().delete(name);
    }
  }
}
