package dev.cogent.cli;

import dev.cogent.cli.Sync.Change;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent diff DIR}: what {@code push} would change. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show how DIR/.cogent/ differs from the server: `+` only in the files (push creates it),"
          + " `-` only on the server (push leaves it), `~` a field the file sets differs (push"
          + " updates it; shown as server value -> file value). Fields a file leaves out are not"
          + " compared."
    })
final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions options;

  @Parameters(paramLabel = "DIR", description = "The project folder.")
  Path dir;

  @Option(
      names = "--exit-code",
      description = "Exit 4 when there are differences (for scripts), like git diff --exit-code.")
  boolean exitCode;

  @Override
  public Integer call() {
    Output output = ClientCalls.output(spec);
    return ClientCalls.run(
        options,
        output,
        client -> {
          List<Change> changes =
              Sync.compare(new ProjectFiles(dir).read(), new RemoteRegistry(client).read());
          if (options.json) {
            output.json(
                changes.stream()
                    .map(
                        c ->
                            Map.of(
                                "kind", c.kind().label(),
                                "name", c.name(),
                                "change", String.valueOf(c.mark())))
                    .toList());
          } else if (changes.isEmpty()) {
            output.line("no differences");
          } else {
            for (Change change : changes) {
              output.line(change.describe());
              if (change.mark() == '~') {
                Sync.fieldDiff(change).forEach(output::line);
              }
            }
          }
          return exitCode && !changes.isEmpty() ? ExitCodes.DIFFERENT : ExitCodes.OK;
        });
  }
}
