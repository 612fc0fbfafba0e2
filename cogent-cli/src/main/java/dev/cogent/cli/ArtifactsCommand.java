package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent artifacts list|get|delete|versions}. */
@Command(
    name = "artifacts",
    mixinStandardHelpOptions = true,
    description = "List, show, version and delete artifacts.",
    subcommands = {
      ArtifactsCommand.ListCommand.class,
      ArtifactsCommand.GetCommand.class,
      ArtifactsCommand.DeleteCommand.class,
      ArtifactsCommand.VersionsCommand.class
    })
final class ArtifactsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List them as a table.")
  static final class ListCommand extends ResourceCommands.ListBase {
    ListCommand() {
      super("id", "name", "artifact_type", "version", "visibility", "updated_at");
    }

    @Override
    List<?> fetch(CogentClient client) {
      return client.artifacts().list(null, null);
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Print one as JSON.")
  static final class GetCommand extends ResourceCommands.GetBase {
    @Override
    Object fetch(CogentClient client, String name) {
      return client.artifacts().get(name);
    }
  }

  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete them.")
  static final class DeleteCommand extends ResourceCommands.DeleteBase {
    @Override
    void remove(CogentClient client, String name) {
      client.artifacts().delete(name);
    }
  }

  @Command(
      name = "versions",
      mixinStandardHelpOptions = true,
      description = "List an artifact's versions, newest first.")
  static final class VersionsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      return ResourceCommands.list(
          spec,
          options,
          client -> client.artifacts().versions(id),
          "version",
          "parent_version",
          "content_type",
          "created_at");
    }
  }
}
