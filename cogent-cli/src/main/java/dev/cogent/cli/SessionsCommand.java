package dev.cogent.cli;

import dev.cogent.client.Session;
import dev.cogent.client.SessionPage;
import dev.cogent.client.SessionRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent sessions list|get|create|delete}. */
@Command(
    name = "sessions",
    mixinStandardHelpOptions = true,
    description = "List, show, create and delete sessions.",
    subcommands = {
      SessionsCommand.ListCommand.class,
      SessionsCommand.GetCommand.class,
      SessionsCommand.CreateCommand.class,
      SessionsCommand.DeleteCommand.class
    })
final class SessionsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static void print(Output output, boolean json, Session session) {
    if (json) {
      output.json(session);
      return;
    }
    output.table(
        List.of("FIELD", "VALUE"),
        List.of(
            List.of("id", session.id()),
            List.of("title", String.valueOf(session.title())),
            List.of("agent", session.agentName()),
            List.of("status", session.status()),
            List.of("messages", String.valueOf(session.messageCount())),
            List.of("metadata", session.metadata().toString()),
            List.of("created", session.createdAt().toString()),
            List.of("updated", session.updatedAt().toString())));
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List sessions, newest first.")
  static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (1-500).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Skip this many.")
    int offset;

    @Option(names = "--metadata", description = "Only sessions with KEY=VALUE; repeatable.")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            SessionPage page = client.sessions().list(metadata, limit, offset);
            if (options.json) {
              output.json(page);
              return ExitCodes.OK;
            }
            output.table(
                List.of("ID", "AGENT", "STATUS", "MESSAGES", "UPDATED", "TITLE"),
                page.sessions().stream()
                    .map(
                        s ->
                            List.of(
                                s.id(),
                                s.agentName(),
                                s.status(),
                                String.valueOf(s.messageCount()),
                                s.updatedAt().toString(),
                                s.title() == null ? "" : s.title()))
                    .toList());
            output.line(page.sessions().size() + " of " + page.total() + " sessions");
            return ExitCodes.OK;
          });
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one session.")
  static final class GetCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "SESSION_ID")
    String id;

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            print(output, options.json, client.sessions().get(id));
            return ExitCodes.OK;
          });
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a session.")
  static final class CreateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Option(names = "--title", description = "A label (at most 200 characters).")
    String title;

    @Option(names = "--agent", description = "The agent to bind (default: default).")
    String agent;

    @Option(names = "--metadata", description = "KEY=VALUE metadata; repeatable.")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      SessionRequest.Builder request = SessionRequest.builder().title(title).agentName(agent);
      if (!metadata.isEmpty()) {
        request.metadata(metadata);
      }
      return ClientCalls.run(
          options,
          output,
          client -> {
            Session session = client.sessions().create(request.build());
            if (options.json) {
              output.json(session);
            } else {
              output.line(session.id());
            }
            return ExitCodes.OK;
          });
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete sessions.")
  static final class DeleteCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "SESSION_ID", arity = "1..*")
    List<String> ids;

    @Override
    public Integer call() {
      return ResourceCommands.delete(
          spec, options, ids, "deleted", (client, id) -> client.sessions().delete(id));
    }
  }
}
