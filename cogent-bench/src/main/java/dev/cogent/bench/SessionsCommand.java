package dev.cogent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cogent-bench sessions}: session create and read throughput and latency against the real
 * HTTP API, at a fixed concurrency, for a fixed time.
 */
@Command(
    name = "sessions",
    mixinStandardHelpOptions = true,
    description = {
      "Each worker loops: POST /sessions (title and metadata), then GET /sessions/{id}.",
      "Without --url, starts a server in this process on a free loopback port with a temporary"
          + " SQLite data dir (or --database-url), rate limiting opened wide.",
      "Exit status: 0 when every request succeeded, 3 when some failed (results are still printed)."
    })
final class SessionsCommand implements Callable<Integer> {

  static final int EXIT_FAILED_REQUESTS = 3;

  static final int MAX_CONCURRENCY = 1000;
  static final int MAX_DURATION_SECONDS = 3600;
  static final int MAX_WARMUP_SECONDS = 600;

  /**
   * Passed on to an embedded server when set, so that a PostgreSQL login stays off the command
   * line.
   */
  static final List<String> DATABASE_LOGIN_VARIABLES =
      List.of("COGENT_DATABASE_USER", "COGENT_DATABASE_PASSWORD");

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_GRACE = REQUEST_TIMEOUT.plusSeconds(5);

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "Base URL of an already running server, e.g. http://127.0.0.1:8000; loopback only."
              + " Its rate limit applies: raise it first.")
  String url;

  @Option(
      names = "--database-url",
      paramLabel = "JDBC_URL",
      description =
          "For the embedded server: jdbc:postgresql://host:port/db instead of a temporary SQLite"
              + " file; login from COGENT_DATABASE_USER and COGENT_DATABASE_PASSWORD.")
  String databaseUrl;

  @Option(
      names = "--concurrency",
      defaultValue = "20",
      description = "Workers, each with one request in flight (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Seconds of measurement (default: ${DEFAULT-VALUE}).")
  int durationSeconds;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "Seconds of unmeasured warm-up before it (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path jsonFile;

  private final Map<String, String> environment;
  private final InstantSource clock;

  /**
   * @param environment the process environment; only {@link #DATABASE_LOGIN_VARIABLES} are read
   */
  SessionsCommand(Map<String, String> environment, InstantSource clock) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    validate();
    // Before the embedded server starts, so that it reflects only the machine's other work.
    double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    if (url != null) {
      return bench(parseUrl(url), false, loadAverage);
    }
    try (EmbeddedServer server = EmbeddedServer.start(embeddedEnvironment(), clock)) {
      return bench(LoopbackUrl.parse(server.url()), true, loadAverage);
    }
  }

  private int bench(LoopbackUrl server, boolean embedded, double loadAverage)
      throws InterruptedException {
    ObjectMapper json = new ObjectMapper();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    ServerInfo info = ServerInfo.fetch(client, json, server, REQUEST_TIMEOUT);
    String startedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "sessions: %d workers against %s (%s), %d s warm-up + %d s measured%n",
        concurrency, server, info.database(), warmupSeconds, durationSeconds);
    err.flush();

    LoadRunner runner =
        new LoadRunner(
            concurrency,
            Duration.ofSeconds(warmupSeconds),
            Duration.ofSeconds(durationSeconds),
            STOP_GRACE);
    Map<String, String> headers = info.scopeHeaders();
    LoadRunner.Result result =
        runner.run(
            SessionsWorker.OPERATIONS,
            worker -> new SessionsWorker(client, json, server, headers, REQUEST_TIMEOUT, worker));

    Report report =
        new Report(
            "sessions",
            startedAt,
            new Report.Target(server.toString(), embedded, info.database()),
            new Report.Environment(
                Runtime.version().toString(),
                info.java(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                loadAverage),
            new Report.Load(concurrency, warmupSeconds, durationSeconds, result.measuredSeconds()),
            result.tally().stats(result.measuredSeconds()),
            result.tally().errors());
    PrintWriter out = spec.commandLine().getOut();
    out.print(ReportTable.render(report));
    out.flush();
    if (jsonFile != null) {
      write(json, report);
    }
    return report.totalErrors() == 0 ? 0 : EXIT_FAILED_REQUESTS;
  }

  private void validate() {
    requireRange("--concurrency", concurrency, 1, MAX_CONCURRENCY);
    requireRange("--duration", durationSeconds, 1, MAX_DURATION_SECONDS);
    requireRange("--warmup", warmupSeconds, 0, MAX_WARMUP_SECONDS);
    if (url != null && databaseUrl != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--database-url configures the embedded server; it cannot be combined with --url");
    }
  }

  private void requireRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(
          spec.commandLine(),
          option + " must be between " + min + " and " + max + ", not " + value);
    }
  }

  private LoopbackUrl parseUrl(String value) {
    try {
      return LoopbackUrl.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--url: " + e.getMessage(), e, null, value);
    }
  }

  private Map<String, String> embeddedEnvironment() {
    Map<String, String> variables = new HashMap<>();
    if (databaseUrl != null) {
      variables.put("COGENT_DATABASE_URL", databaseUrl);
    }
    for (String variable : DATABASE_LOGIN_VARIABLES) {
      String value = environment.get(variable);
      if (value != null) {
        variables.put(variable, value);
      }
    }
    return variables;
  }

  private void write(ObjectMapper json, Report report) {
    try {
      json.writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), report);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + jsonFile, e);
    }
  }
}
