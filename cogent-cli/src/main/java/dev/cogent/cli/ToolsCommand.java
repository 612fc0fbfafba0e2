package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cogent tools list|get|delete}. */
@Command(
    name = "tools",
    mixinStandardHelpOptions = true,
    description = "List, show and delete tools.",
    subcommands = {
      ToolsCommand.ListCommand.class,
      ToolsCommand.GetCommand.class,
      ToolsCommand.DeleteCommand.class
    })
final class ToolsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List them as a table.")
  static final class ListCommand extends ResourceCommands.ListBase {
    ListCommand() {
      super("name", "source_type", "enabled", "interrupt_on", "description");
    }

    @Override
    List<?> fetch(CogentClient client) {
      return client.tools().list();
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Print one as JSON.")
  static final class GetCommand extends ResourceCommands.GetBase {
    @Override
    Object fetch(CogentClient client, String name) {
      return client.tools().get(name);
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete them.")
  static final class DeleteCommand extends ResourceCommands.DeleteBase {
    @Override
    void remove(CogentClient client, String name) {
      client.tools().delete(name);
    }
  }
}
