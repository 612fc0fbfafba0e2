package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import dev.cogent.client.CogentException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** How every client command runs its call: one client, one error format, one exit code rule. */
final class ClientCalls {

  private ClientCalls() {}

  /** Runs {@code work} with a client and turns a server error into its exit code. */
  static int run(ClientOptions options, Output output, Function<CogentClient, Integer> work) {
    try {
      return work.apply(options.client(System.getenv()));
    } catch (CogentException e) {
      return output.failure(e);
    } catch (UsageException | IllegalArgumentException | UncheckedIOException e) {
      output.error("cogent: " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  /** The command's output, on the streams picocli was given (tests capture them). */
  static Output output(CommandSpec spec) {
    return new Output(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** A wrong input the command found itself (a missing file, a bad value): exit code 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
