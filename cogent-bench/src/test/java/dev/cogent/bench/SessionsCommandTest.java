package dev.cogent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Only the refusals: each is decided before any server starts or any request is sent. */
class SessionsCommandTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--concurrency 0                                   | --concurrency must be between 1 and 1000, not 0",
        "--concurrency 1001                                | --concurrency must be between 1 and 1000, not 1001",
        "--duration 0                                      | --duration must be between 1 and 3600, not 0",
        "--warmup -1                                       | --warmup must be between 0 and 600, not -1",
        "--url http://10.0.0.1:8000                        | 10.0.0.1 is not a loopback address",
        "--url http://127.0.0.1:8000 --database-url jdbc:x | it cannot be combined with --url",
      })
  void refuses_bad_options_with_a_usage_error(String arguments, String message) {
    StringWriter err = new StringWriter();
    CommandLine command = BenchMain.commandLine(Map.of(), InstantSource.system());
    command.getSubcommands().get("sessions").setErr(new PrintWriter(err));

    int exitCode = command.execute(("sessions " + arguments.strip()).split(" +"));

    assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains(message);
  }
}
