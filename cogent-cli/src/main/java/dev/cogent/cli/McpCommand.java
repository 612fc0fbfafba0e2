package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent mcp list|get|delete|create}. */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = "List, show, register and delete MCP servers.",
    subcommands = {
      McpCommand.ListCommand.class,
      McpCommand.GetCommand.class,
      McpCommand.DeleteCommand.class,
      McpCommand.CreateCommand.class
    })
final class McpCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List them as a table.")
  static final class ListCommand extends ResourceCommands.ListBase {
    ListCommand() {
      super("name", "transport", "status", "url", "last_error");
    }

    @Override
    List<?> fetch(CogentClient client) {
      return client.mcpServers().list();
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Print one as JSON.")
  static final class GetCommand extends ResourceCommands.GetBase {
    @Override
    Object fetch(CogentClient client, String name) {
      return client.mcpServers().get(name);
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete them.")
  static final class DeleteCommand extends ResourceCommands.DeleteBase {
    @Override
    void remove(CogentClient client, String name) {
      client.mcpServers().delete(name);
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Register an MCP server; the connection is tried in the background.")
  static final class CreateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME", index = "0")
    String name;

    @Parameters(paramLabel = "URL", index = "1", description = "The server's http(s) URL.")
    String url;

    @picocli.CommandLine.Option(
        names = "--transport",
        defaultValue = "sse",
        description = "sse or streamable_http (default: ${DEFAULT-VALUE}).")
    String transport;

    @picocli.CommandLine.Option(
        names = "--header",
        description = "HEADER=VALUE sent to the server (never shown again); repeatable.")
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            var server =
                client
                    .mcpServers()
                    .create(
                        new dev.cogent.client.McpServerRequest(
                            name, url, transport, null, headers.isEmpty() ? null : headers, null));
            if (options.json) {
              output.json(server);
            } else {
              output.line("registered " + server.name() + " (" + server.status() + ")");
            }
            return ExitCodes.OK;
          });
    }
  }
}
