package dev.cogent.cli;

import dev.cogent.cli.Sync.Change;
import dev.cogent.client.CogentClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent push DIR}: makes the server match the files. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Create or update on the server every entry of DIR/.cogent/ that differs (see `cogent"
          + " diff`). Entries only on the server are left alone. Providers are pushed first and"
          + " agents last, so references resolve.",
      "Stops at the first entry the server refuses (exit 1), naming it."
    })
final class PushCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions options;

  @Parameters(paramLabel = "DIR", description = "The project folder.")
  Path dir;

  @Option(names = "--dry-run", description = "Only print what would change.")
  boolean dryRun;

  @Override
  public Integer call() {
    Output output = ClientCalls.output(spec);
    return ClientCalls.run(
        options,
        output,
        client -> {
          int applied = push(client, dir, dryRun, output);
          output.line((dryRun ? "would apply " : "applied ") + applied + " changes");
          return ExitCodes.OK;
        });
  }

  /** Applies the differences of {@code dir}; returns how many entries changed. */
  static int push(CogentClient client, Path dir, boolean dryRun, Output output) {
    RemoteRegistry remote = new RemoteRegistry(client);
    List<Change> changes = Sync.compare(new ProjectFiles(dir).read(), remote.read());
    int applied = 0;
    for (Change change : changes) {
      if (change.mark() == '-') {
        continue;
      }
      output.line(change.describe());
      if (!dryRun) {
        remote.apply(change.kind(), change.name(), change.local(), change.mark() == '~');
      }
      applied++;
    }
    return applied;
  }
}
