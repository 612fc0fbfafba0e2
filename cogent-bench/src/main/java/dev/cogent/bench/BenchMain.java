package dev.cogent.bench;

import java.time.InstantSource;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cogent-bench}: load benchmarks of a Cogent server over its real HTTP API. */
@Command(
    name = "cogent-bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks of the Cogent HTTP API; see docs/benchmarks.md.")
public final class BenchMain implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine(System.getenv(), InstantSource.system()).execute(args));
  }

  /** The command tree, wired with what the process was started with. */
  static CommandLine commandLine(Map<String, String> environment, InstantSource clock) {
    return new CommandLine(new BenchMain())
        .addSubcommand(new SessionsCommand(environment, clock))
        .addSubcommand(new StreamsCommand(environment, clock))
        .addSubcommand(new MemoryCommand(environment, clock))
        .addSubcommand(new CommandLine.HelpCommand())
        .setExecutionExceptionHandler(BenchMain::failed);
  }

  /** A server that is not there is a user error: its message suffices, without a stack trace. */
  private static int failed(
      Exception error, CommandLine command, CommandLine.ParseResult parseResult) {
    if (error instanceof ServerUnreachableException) {
      command.getErr().println("cogent-bench: " + error.getMessage());
    } else {
      error.printStackTrace(command.getErr());
    }
    command.getErr().flush();
    return command.getCommandSpec().exitCodeOnExecutionException();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
