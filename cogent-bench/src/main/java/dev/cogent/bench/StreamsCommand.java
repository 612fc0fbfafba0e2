package dev.cogent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.ConcurrentHistogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cogent-bench streams}: N concurrent SSE streams, each a mock-model run that answers a
 * fixed number of words, against a server in a JVM of its own; reports messages per second, time to
 * first token and the server's CPU and resident memory, for each N.
 */
@Command(
    name = "streams",
    mixinStandardHelpOptions = true,
    description = {
      "For each level N of --streams: creates N sessions on the mock model, then runs N concurrent"
          + " streams, each sending --messages messages one after another (POST"
          + " /sessions/{id}/messages with `/reply` and --tokens words, read to its `done`).",
      "The server runs in its own JVM (--server-java) with a temporary SQLite data dir (or"
          + " --database-url), rate limiting opened wide.",
      "Exit status: 0 when every stream succeeded, 3 when some failed (results are still printed)."
    })
final class StreamsCommand implements Callable<Integer> {

  static final int MAX_STREAMS = 5000;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** Seconds the HTTP client keeps an idle connection. */
  private static final String KEEPALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout";

  /** The probe's sessions, used in turn so that no transcript grows long. */
  private static final int PROBE_SESSIONS = 20;

  /** The probe sends its next message this long after the previous one was sent, at the least. */
  private static final long PROBE_INTERVAL_MILLIS = 100;

  /** The probe's message: a one-word reply, so its stream is short. */
  private static final String PROBE_BODY = "{\"content\": \"/reply probe\"}";

  @Spec CommandSpec spec;

  @Option(
      names = "--streams",
      split = ",",
      defaultValue = "20,200,1000",
      description = "Concurrent streams of each level (default: ${DEFAULT-VALUE}).")
  List<Integer> levels;

  @Option(
      names = "--tokens",
      defaultValue = "200",
      description =
          "Words of each mock reply, one token each as the model streams them"
              + " (default: ${DEFAULT-VALUE}).")
  int tokens;

  @Option(
      names = "--token-interval-ms",
      paramLabel = "MS",
      defaultValue = "0",
      description =
          "Milliseconds between two words of a reply (the mock's `/pace`), like a real model's"
              + " token rate; 0 streams them as fast as the server takes them"
              + " (default: ${DEFAULT-VALUE}).")
  int tokenIntervalMillis;

  @Option(
      names = "--messages",
      defaultValue = "3",
      description = "Messages each stream sends, one after another (default: ${DEFAULT-VALUE}).")
  int messages;

  @Option(
      names = "--ramp-up-ms",
      paramLabel = "MS",
      defaultValue = "0",
      description =
          "Spreads the first messages of a level's streams evenly over this many milliseconds,"
              + " so that their later messages start and end at different times too, as a"
              + " server's users do; 0 starts every stream at once (default: ${DEFAULT-VALUE}).")
  int rampUpMillis;

  @Option(
      names = "--warmup-streams",
      defaultValue = "50",
      description =
          "Streams of an unmeasured warm-up level (--warmup-messages each) before the first"
              + " level; 0 for none (default: ${DEFAULT-VALUE}).")
  int warmupStreams;

  @Option(
      names = "--warmup-messages",
      defaultValue = "2",
      description =
          "Messages each warm-up stream sends; more of them give the server's JIT the time to"
              + " finish compiling before the measured levels (default: ${DEFAULT-VALUE}).")
  int warmupMessages;

  @Option(
      names = "--level-timeout",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description =
          "Streams not finished this long after a level started count as failed"
              + " (default: ${DEFAULT-VALUE}).")
  int levelTimeoutSeconds;

  @Option(
      names = "--server-java",
      paramLabel = "JAVA",
      description = "The java executable of the server's JVM (default: this benchmark's).")
  String serverJava;

  @Option(
      names = "--server-jvm-option",
      paramLabel = "OPTION",
      description = "An option of the server's JVM, e.g. -Xmx1g; repeatable.")
  List<String> serverJvmOptions = new ArrayList<>();

  @Option(
      names = "--database-url",
      paramLabel = "JDBC_URL",
      description =
          "jdbc:postgresql://host:port/db instead of a temporary SQLite file; login from"
              + " COGENT_DATABASE_USER and COGENT_DATABASE_PASSWORD.")
  String databaseUrl;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
  Path jsonFile;

  private final Map<String, String> environment;
  private final InstantSource clock;
  private final ObjectMapper json = new ObjectMapper();

  StreamsCommand(Map<String, String> environment, InstantSource clock) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
  }

  /** The figures of one level. */
  record Level(
      int streams,
      int messages,
      int errors,
      double seconds,
      double messagesPerSecond,
      double tokensPerSecond,
      double tokenEventsPerMessage,
      double ttftP50Ms,
      double ttftP99Ms,
      double ttftMaxMs,
      int probeMessages,
      double probeTtftP50Ms,
      double probeTtftP99Ms,
      double serverCpuPercent,
      double serverCpuMsPerMessage,
      double serverPeakRssMb,
      Map<String, Integer> errorReasons) {}

  /** Everything a run reports. */
  record Result(
      String startedAt,
      String serverJava,
      String database,
      int cores,
      double loadAverageBefore,
      int tokens,
      int tokenIntervalMillis,
      int messagesPerStream,
      int rampUpMillis,
      List<Level> levels) {}

  @Override
  public Integer call() throws Exception {
    validate();
    double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String java =
        serverJava != null ? serverJava : ProcessHandle.current().info().command().orElse("java");
    Map<String, String> serverEnvironment = new HashMap<>();
    if (databaseUrl != null) {
      serverEnvironment.put("COGENT_DATABASE_URL", databaseUrl);
      for (String variable : SessionsCommand.DATABASE_LOGIN_VARIABLES) {
        if (environment.containsKey(variable)) {
          serverEnvironment.put(variable, environment.get(variable));
        }
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    // The JDK client keeps an idle connection 20 minutes, Jetty closes it after 30 s; a request
    // sent on one the server has just closed fails with an IOException that is no server error.
    // Read once, when the client's connection pool is first used.
    if (System.getProperty(KEEPALIVE_PROPERTY) == null) {
      System.setProperty(KEEPALIVE_PROPERTY, "20");
    }
    HttpClient client = newClient();
    String startedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    // The streams are read by a client of their own, and the probe's by another: the streams'
    // client reads every stream on one thread, and the probe's first token would wait there behind
    // many other streams' frames.
    try (ServerProcess server = ServerProcess.start(java, serverJvmOptions, serverEnvironment);
        StreamClient streamClient = new StreamClient("bench-streams", REQUEST_TIMEOUT);
        StreamClient probeClient = new StreamClient("bench-probe-stream", REQUEST_TIMEOUT)) {
      LoopbackUrl url = LoopbackUrl.parse(server.url());
      ServerInfo info = ServerInfo.fetch(client, json, url, REQUEST_TIMEOUT);
      err.printf(
          "streams: server pid %d at %s, %s, JDK %s%n",
          server.pid(), url, info.database(), info.java());
      err.flush();
      if (warmupStreams > 0) {
        err.printf("streams: warm-up, %d streams x %d messages%n", warmupStreams, warmupMessages);
        err.flush();
        runLevel(
            client, streamClient, probeClient, url, info, server, warmupStreams, warmupMessages);
      }
      List<Level> results = new ArrayList<>();
      for (int streams : levels) {
        err.printf("streams: %d streams x %d messages of %d tokens%n", streams, messages, tokens);
        err.flush();
        results.add(
            runLevel(client, streamClient, probeClient, url, info, server, streams, messages));
      }
      Result result =
          new Result(
              startedAt,
              info.java(),
              info.database(),
              Runtime.getRuntime().availableProcessors(),
              loadAverage,
              tokens,
              tokenIntervalMillis,
              messages,
              rampUpMillis,
              results);
      PrintWriter out = spec.commandLine().getOut();
      out.print(render(result));
      out.flush();
      if (jsonFile != null) {
        try {
          json.writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), result);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + jsonFile, e);
        }
      }
      boolean failed = results.stream().anyMatch(level -> level.errors() > 0);
      return failed ? SessionsCommand.EXIT_FAILED_REQUESTS : 0;
    }
  }

  private Level runLevel(
      HttpClient client,
      StreamClient streamClient,
      StreamClient probeClient,
      LoopbackUrl url,
      ServerInfo info,
      ServerProcess server,
      int streams,
      int messagesPerStream)
      throws InterruptedException {
    Map<String, String> headers = info.scopeHeaders();
    List<String> sessions = createSessions(client, json, url, headers, streams);
    List<String> probeSessions = createSessions(client, json, url, headers, PROBE_SESSIONS);
    String body;
    try {
      body =
          json.writeValueAsString(
              Map.of(
                  "content",
                  (tokenIntervalMillis > 0 ? "/pace " + tokenIntervalMillis + "\n" : "")
                      + "/reply "
                      + IntStream.rangeClosed(1, tokens)
                          .mapToObj(i -> "w" + i)
                          .collect(Collectors.joining(" "))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ConcurrentHistogram ttft = new ConcurrentHistogram(3);
    Map<String, Integer> reasons = new java.util.concurrent.ConcurrentHashMap<>();
    AtomicLong tokensSeen = new AtomicLong();
    AtomicLong tokenEventsSeen = new AtomicLong();
    AtomicLong completed = new AtomicLong();
    AtomicLong peakRss = new AtomicLong(server.residentBytes());
    Thread sampler =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  peakRss.accumulateAndGet(server.residentBytes(), Math::max);
                  Thread.sleep(100);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "bench-rss-sampler");
    sampler.setDaemon(true);
    Duration cpuBefore = server.cpuTime();
    long start = System.nanoTime();
    sampler.start();
    List<CompletableFuture<Void>> chains = new ArrayList<>();
    // Counts down once per stream, at its first token (or the end of its first message).
    CountDownLatch streaming = new CountDownLatch(streams);
    for (int s = 0; s < sessions.size(); s++) {
      String session = sessions.get(s);
      long delayMillis = startDelayMillis(s, sessions.size(), rampUpMillis);
      CompletableFuture<Void> chain =
          delayMillis == 0
              ? CompletableFuture.completedFuture(null)
              : CompletableFuture.runAsync(
                  () -> {}, CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS));
      AtomicBoolean counted = new AtomicBoolean();
      Runnable started =
          () -> {
            if (counted.compareAndSet(false, true)) {
              streaming.countDown();
            }
          };
      for (int m = 0; m < messagesPerStream; m++) {
        chain =
            chain
                .thenCompose(ignored -> message(streamClient, url, headers, session, body, started))
                .thenAccept(
                    outcome -> {
                      started.run();
                      String problem = problem(outcome);
                      if (problem == null) {
                        ttft.recordValue(Math.max(0, outcome.ttftMicros()));
                        tokensSeen.addAndGet(outcome.tokens());
                        tokenEventsSeen.addAndGet(outcome.stream().tokenEvents());
                        completed.incrementAndGet();
                      } else {
                        reasons.merge(problem, 1, Integer::sum);
                      }
                    });
      }
      chains.add(chain);
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new));
    ConcurrentHistogram probeTtft = new ConcurrentHistogram(3);
    Thread probe =
        new Thread(
            () ->
                probe(probeClient, url, headers, probeSessions, streaming, all, probeTtft, reasons),
            "bench-probe");
    probe.setDaemon(true);
    probe.start();
    try {
      all.get(levelTimeoutSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      long unfinished = chains.stream().filter(c -> !c.isDone()).count();
      reasons.merge(
          "unfinished after " + levelTimeoutSeconds + " s (streams)",
          (int) unfinished,
          Integer::sum);
      chains.forEach(c -> c.cancel(true));
    } catch (java.util.concurrent.ExecutionException e) {
      reasons.merge("client failure: " + e.getCause(), 1, Integer::sum);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (server.cpuTime().minus(cpuBefore)).toNanos() / 1e9;
    sampler.interrupt();
    sampler.join();
    probe.join(REQUEST_TIMEOUT.toMillis() + 5_000);
    int errors = reasons.values().stream().mapToInt(Integer::intValue).sum();
    boolean any = ttft.getTotalCount() > 0;
    return new Level(
        streams,
        (int) completed.get(),
        errors,
        seconds,
        completed.get() / seconds,
        tokensSeen.get() / seconds,
        completed.get() > 0 ? (double) tokenEventsSeen.get() / completed.get() : 0,
        any ? ttft.getValueAtPercentile(50) / 1000.0 : 0,
        any ? ttft.getValueAtPercentile(99) / 1000.0 : 0,
        any ? ttft.getMaxValue() / 1000.0 : 0,
        (int) probeTtft.getTotalCount(),
        probeTtft.getTotalCount() > 0 ? probeTtft.getValueAtPercentile(50) / 1000.0 : 0,
        probeTtft.getTotalCount() > 0 ? probeTtft.getValueAtPercentile(99) / 1000.0 : 0,
        100 * cpuSeconds / seconds,
        1000 * cpuSeconds / Math.max(1, completed.get() + probeTtft.getTotalCount()),
        peakRss.get() / (1024.0 * 1024.0),
        Map.copyOf(reasons));
  }

  /**
   * When stream {@code index} of {@code streams} sends its first message: evenly spread over {@code
   * [0, rampUpMillis)}, the first stream at once.
   */
  static long startDelayMillis(int index, int streams, int rampUpMillis) {
    return (long) rampUpMillis * index / streams;
  }

  /**
   * The probe: once every stream of the level is streaming ({@code streaming} is zero), one message
   * at a time, each on the next of {@code sessions}, at most one every {@link
   * #PROBE_INTERVAL_MILLIS}, until {@code level} is over. Its time to first token is what a new
   * message meets while the level's streams are in flight; the level's simultaneous start is not in
   * it (the level's own {@code ttft} holds that).
   */
  private void probe(
      StreamClient client,
      LoopbackUrl url,
      Map<String, String> headers,
      List<String> sessions,
      CountDownLatch streaming,
      CompletableFuture<Void> level,
      ConcurrentHistogram ttft,
      Map<String, Integer> reasons) {
    try {
      while (!level.isDone() && !streaming.await(50, TimeUnit.MILLISECONDS)) {
        // the level is still starting
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    int sent = 0;
    while (!level.isDone()) {
      long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_INTERVAL_MILLIS);
      MessageOutcome outcome =
          message(
                  client,
                  url,
                  headers,
                  sessions.get(sent++ % sessions.size()),
                  PROBE_BODY,
                  () -> {})
              .join();
      String problem = problem(outcome, 1);
      if (problem == null) {
        ttft.recordValue(Math.max(0, outcome.ttftMicros()));
      } else {
        reasons.merge("probe: " + problem, 1, Integer::sum);
      }
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** What one message's stream showed, with the time from sending to its first token. */
  record MessageOutcome(
      int status, long ttftMicros, StreamListener.Outcome stream, String failure) {
    int tokens() {
      return stream == null ? 0 : stream.tokens();
    }
  }

  /** Why a message failed, or null when it streamed every token and ended with done. */
  String problem(MessageOutcome outcome) {
    return problem(outcome, tokens);
  }

  /** Why a message of {@code expectedTokens} words failed, or null. */
  static String problem(MessageOutcome outcome, int expectedTokens) {
    if (outcome.failure() != null) {
      return outcome.failure();
    }
    if (outcome.status() != 200) {
      return "HTTP " + outcome.status();
    }
    StreamListener.Outcome stream = outcome.stream();
    if (stream.terminal() == null) {
      return "stream ended without a terminal event";
    }
    if (!stream.terminal().equals("done")) {
      return stream.terminal() + " " + stream.errorData();
    }
    if (stream.tokens() != expectedTokens) {
      return "expected " + expectedTokens + " tokens, got " + stream.tokens();
    }
    return null;
  }

  private CompletableFuture<MessageOutcome> message(
      StreamClient client,
      LoopbackUrl url,
      Map<String, String> headers,
      String session,
      String body,
      Runnable onFirstToken) {
    StreamListener listener = new StreamListener(System::nanoTime, json, onFirstToken);
    long sent = System.nanoTime();
    return client
        .post(url.resolve("/sessions/" + session + "/messages"), headers, body, listener::onNext)
        .handle(
            (status, error) -> {
              if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                String reason =
                    cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
                return new MessageOutcome(0, -1, null, reason);
              }
              listener.onComplete();
              StreamListener.Outcome stream = listener.outcome();
              long ttftMicros =
                  stream.hasFirstToken() ? (stream.firstTokenNanos() - sent) / 1000 : -1;
              return new MessageOutcome(status, ttftMicros, stream, null);
            });
  }

  private static List<String> createSessions(
      HttpClient client, ObjectMapper json, LoopbackUrl url, Map<String, String> headers, int count)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(32);
    List<CompletableFuture<String>> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(url.resolve("/sessions"))
              .timeout(REQUEST_TIMEOUT)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"title\": \"bench stream "
                          + i
                          + "\", \"config\": {\"provider\": \"mock\", \"model\": \"bench\"}}"));
      headers.forEach(request::header);
      created.add(
          client
              .sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
              .whenComplete((response, error) -> inFlight.release())
              .thenApply(
                  response -> {
                    if (response.statusCode() != 201) {
                      throw new IllegalStateException(
                          "POST /sessions answered "
                              + response.statusCode()
                              + ": "
                              + response.body());
                    }
                    try {
                      return json.readTree(response.body()).path("id").asText();
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }));
    }
    return created.stream().map(CompletableFuture::join).toList();
  }

  private void validate() {
    for (int level : levels) {
      requireRange("--streams", level, 1, MAX_STREAMS);
    }
    requireRange("--tokens", tokens, 1, 100_000);
    requireRange("--token-interval-ms", tokenIntervalMillis, 0, 10_000);
    requireRange("--messages", messages, 1, 1000);
    requireRange("--warmup-streams", warmupStreams, 0, MAX_STREAMS);
    requireRange("--warmup-messages", warmupMessages, 1, 1000);
    requireRange("--ramp-up-ms", rampUpMillis, 0, 3_600_000);
    requireRange("--level-timeout", levelTimeoutSeconds, 1, 3600);
  }

  private void requireRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(
          spec.commandLine(),
          option + " must be between " + min + " and " + max + ", not " + value);
    }
  }

  private static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** The results as a text table. */
  static String render(Result result) {
    StringBuilder text = new StringBuilder();
    text.append(String.format("benchmark  streams, started %s%n", result.startedAt()));
    text.append(
        String.format("server     own JVM, JDK %s, %s%n", result.serverJava(), result.database()));
    text.append(
        String.format(
            "machine    %d cores, load average %.2f before the run%n",
            result.cores(), result.loadAverageBefore()));
    text.append(
        String.format(
            "load       each stream sends %d messages of %d tokens, one after another, %s; %s%n%n",
            result.messagesPerStream(),
            result.tokens(),
            result.tokenIntervalMillis() > 0
                ? result.tokenIntervalMillis() + " ms between tokens"
                : "tokens as fast as the server takes them",
            result.rampUpMillis() > 0
                ? "streams start over " + result.rampUpMillis() + " ms"
                : "streams start at once"));
    text.append(
        String.format(
            "%8s %9s %7s %8s %9s %7s %10s %10s %10s %7s %10s %10s %6s %7s %7s %7s%n",
            "streams",
            "messages",
            "errors",
            "msg/s",
            "tokens/s",
            "ev/msg",
            "ttft p50",
            "ttft p99",
            "ttft max",
            "probes",
            "probe p50",
            "probe p99",
            "cpu %",
            "cpu/msg",
            "rss MB",
            "secs"));
    for (Level level : result.levels()) {
      text.append(
          String.format(
              "%8d %9d %7d %8.1f %9.0f %7.1f %10.2f %10.2f %10.2f %7d %10.2f %10.2f %6.0f %7.1f %7.0f %7.1f%n",
              level.streams(),
              level.messages(),
              level.errors(),
              level.messagesPerSecond(),
              level.tokensPerSecond(),
              level.tokenEventsPerMessage(),
              level.ttftP50Ms(),
              level.ttftP99Ms(),
              level.ttftMaxMs(),
              level.probeMessages(),
              level.probeTtftP50Ms(),
              level.probeTtftP99Ms(),
              level.serverCpuPercent(),
              level.serverCpuMsPerMessage(),
              level.serverPeakRssMb(),
              level.seconds()));
    }
    List<String> errors = new ArrayList<>();
    for (Level level : result.levels()) {
      level
          .errorReasons()
          .forEach(
              (reason, count) ->
                  errors.add(level.streams() + " streams: " + count + " x " + reason));
    }
    text.append(
        String.format(
            "%nerrors     %s%n", errors.isEmpty() ? "none" : String.join("\n           ", errors)));
    return text.toString();
  }
}
