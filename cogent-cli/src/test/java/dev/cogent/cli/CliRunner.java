package dev.cogent.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code cogent} commands in-process against one server with a test CLI config file. */
final class CliRunner {

  /** What a command printed and returned. */
  record Result(int exitCode, String out, String err) {}

  private final String url;
  private final Path config;

  CliRunner(String url, Path config) {
    this.url = url;
    this.config = config;
  }

  /** Runs {@code args} with {@code --url} and {@code --config} appended and no stdin. */
  Result run(String... args) {
    return runAt(url, args);
  }

  /** The same against another server URL (an unreachable one, say). */
  Result runAt(String serverUrl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main(new ByteArrayInputStream(new byte[0])));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", serverUrl, "--config", config.toString()));
    int code = cli.execute(all.toArray(String[]::new));
    return new Result(code, out.toString(), err.toString());
  }
}
