package dev.cogent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cogent-bench memory}: the knowledge-graph memory over HTTP on an embedded server: add and
 * cognify throughput with the local MiniLM embeddings and the heuristic extractor (no model
 * provider), then the latency of {@code CHUNKS}, {@code CHUNKS_LEXICAL} and {@code
 * GRAPH_COMPLETION} ({@code only_context}) searches, one at a time; then the index size on disk and
 * the heap in use. Every generated document is one chunk, so documents are chunks.
 */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a server in this process (temporary SQLite data dir, or --database-url), adds"
          + " --chunks one-chunk documents to one dataset, cognifies it, then times --queries"
          + " searches per type, one at a time.",
      "Prints ingest and cognify throughput, search p50/p99, index size on disk and heap in use."
    })
final class MemoryCommand implements Callable<Integer> {

  static final List<String> SEARCH_TYPES = List.of("CHUNKS", "CHUNKS_LEXICAL", "GRAPH_COMPLETION");

  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration POLL = Duration.ofSeconds(2);

  @Spec CommandSpec spec;

  @Option(
      names = "--database-url",
      paramLabel = "JDBC_URL",
      description =
          "jdbc:postgresql://host:port/db instead of a temporary SQLite file; login from"
              + " COGENT_DATABASE_USER and COGENT_DATABASE_PASSWORD.")
  String databaseUrl;

  @Option(
      names = "--chunks",
      defaultValue = "10000",
      description = "Documents (one chunk each) to add and cognify (default: ${DEFAULT-VALUE}).")
  int chunks;

  @Option(
      names = "--batch",
      defaultValue = "500",
      description = "Documents per POST /api/v1/add (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--queries",
      defaultValue = "200",
      description = "Measured searches per type, after 20 unmeasured (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(
      names = "--top-k",
      defaultValue = "10",
      description = "top_k of every search (default: ${DEFAULT-VALUE}).")
  int topK;

  private final Map<String, String> environment;
  private final InstantSource clock;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  MemoryCommand(Map<String, String> environment, InstantSource clock) {
    this.environment = Map.copyOf(environment);
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (chunks < 1 || batch < 1 || queries < 1 || topK < 1) {
      throw new IllegalArgumentException("--chunks, --batch, --queries and --top-k must be >= 1");
    }
    double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Map<String, String> variables = new LinkedHashMap<>();
    if (databaseUrl != null) {
      variables.put("COGENT_DATABASE_URL", databaseUrl);
      for (String name : SessionsCommand.DATABASE_LOGIN_VARIABLES) {
        if (environment.containsKey(name)) {
          variables.put(name, environment.get(name));
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    try (EmbeddedServer server = EmbeddedServer.start(variables, clock)) {
      URI base = URI.create(server.url());
      out.printf(
          "memory: %d chunks, %s, %d cores, load average %.2f before start%n",
          chunks,
          databaseUrl == null ? "SQLite" : "PostgreSQL",
          Runtime.getRuntime().availableProcessors(),
          loadAverage);
      out.flush();

      long addStart = System.nanoTime();
      String datasetId = null;
      List<String> documents = new ArrayList<>();
      for (int i = 0; i < chunks; i++) {
        documents.add(Corpus.document(i));
        if (documents.size() == batch || i == chunks - 1) {
          Map<String, Object> body = Map.of("data", documents, "datasetName", "bench");
          datasetId = post(base, "/api/v1/add", body).path("dataset_id").asText();
          documents = new ArrayList<>();
        }
      }
      double addSeconds = seconds(System.nanoTime() - addStart);

      long cognifyStart = System.nanoTime();
      long cognifyCpuStart = processCpuNanos();
      JsonNode started =
          post(
              base,
              "/api/v1/cognify",
              Map.of("dataset_ids", List.of(datasetId), "run_in_background", true));
      String runId = started.path(datasetId).path("pipeline_run_id").asText();
      JsonNode run = awaitRun(base, runId);
      double cognifySeconds = seconds(System.nanoTime() - cognifyStart);
      double cognifyCpuSeconds = seconds(processCpuNanos() - cognifyCpuStart);
      out.printf(
          "add: %d documents in %.1f s (%.0f/s); cognify: %.1f s = %.1f chunks/s (%s, extractor"
              + " %s)%n",
          chunks,
          addSeconds,
          chunks / addSeconds,
          cognifySeconds,
          chunks / cognifySeconds,
          run.path("status").asText(),
          run.path("payload").path("extractor").asText("?"));
      // CPU time does not depend on how many other processes share the cores, wall time does.
      out.printf(
          "cognify CPU time of this process: %.1f s = %.1f chunks per CPU-second%n",
          cognifyCpuSeconds, chunks / cognifyCpuSeconds);
      out.flush();

      out.printf("%-18s %8s %9s %9s %9s%n", "search", "queries", "p50_ms", "p99_ms", "max_ms");
      for (String type : SEARCH_TYPES) {
        Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        for (int i = -20; i < queries; i++) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("search_type", type);
          body.put("dataset_ids", List.of(datasetId));
          body.put("query", Corpus.query(i + 20));
          body.put("top_k", topK);
          body.put("only_context", true);
          long start = System.nanoTime();
          post(base, "/api/v1/search", body);
          if (i >= 0) {
            latencies.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
          }
        }
        out.printf(
            "%-18s %8d %9.1f %9.1f %9.1f%n",
            type,
            latencies.getTotalCount(),
            latencies.getValueAtPercentile(50) / 1000.0,
            latencies.getValueAtPercentile(99) / 1000.0,
            latencies.getMaxValue() / 1000.0);
        out.flush();
      }

      Path data = server.dataDir();
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      out.printf(
          "index on disk: %.1f MiB (memory/index); data dir: %.1f MiB; heap in use after GC:"
              + " %.0f MiB (max %.0f MiB)%n",
          mebibytes(size(data.resolve("memory").resolve("index"))),
          mebibytes(size(data)),
          mebibytes(runtime.totalMemory() - runtime.freeMemory()),
          mebibytes(runtime.maxMemory()));
      out.flush();
      return 0;
    }
  }

  private JsonNode awaitRun(URI base, String runId) throws InterruptedException {
    while (true) {
      JsonNode run = send(HttpRequest.newBuilder(base.resolve("/api/v1/cognify/runs/" + runId)));
      String status = run.path("status").asText();
      if (status.equals("PipelineRunCompleted")) {
        return run;
      }
      if (status.equals("PipelineRunErrored")) {
        throw new IllegalStateException("cognify failed: " + run);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private JsonNode post(URI base, String path, Object body) throws InterruptedException {
    try {
      return send(
          HttpRequest.newBuilder(base.resolve(path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode send(HttpRequest.Builder request) throws InterruptedException {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "HTTP " + response.statusCode() + " from " + response.uri() + ": " + response.body());
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double mebibytes(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static long size(Path directory) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .mapToLong(
              path -> {
                try {
                  return Files.size(path);
                } catch (IOException e) {
                  return 0; // a Lucene temp file deleted while walking
                }
              })
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deterministic one-chunk documents over a fixed cast, so entities repeat across documents as in
   * real corpora (one node each, many edges), and queries about them.
   */
  static final class Corpus {

    private static final String[] FIRST = {
      "Alice", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas",
      "Kofi", "Lena", "Marco", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Stefan", "Tomas"
    };
    private static final String[] LAST = {
      "Adler", "Berg", "Costa", "Dietz", "Eklund", "Ferrari", "Grant", "Holm", "Ivanov", "Jensen",
      "Keller", "Lindqvist", "Moreau", "Novak", "Olsen", "Petrov", "Quist", "Rossi", "Sato", "Varga"
    };
    private static final String[] ORGS = {
      "Acme Labs", "Borealis Systems", "Cobalt Works", "Delta Foundry", "Ember Analytics",
      "Fjord Robotics", "Granite Bank", "Helios Energy", "Iris Optics", "Juniper Health"
    };
    private static final String[] CITIES = {
      "Berlin", "Lisbon", "Oslo", "Prague", "Vienna", "Madrid", "Dublin", "Turin", "Zurich", "Riga"
    };
    private static final String[] TOPICS = {
      "battery recycling", "satellite imaging", "protein folding", "grid storage",
          "fraud detection",
      "soil sensors", "speech synthesis", "water filtration", "supply forecasting", "crop genetics"
    };

    private Corpus() {}

    static String document(int i) {
      String person = FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
      String org = ORGS[(i / 7) % ORGS.length];
      String city = CITIES[(i / 3) % CITIES.length];
      String topic = TOPICS[(i / 11) % TOPICS.length];
      return person
          + " works at "
          + org
          + " in "
          + city
          + ". Report "
          + i
          + " says the team studies "
          + topic
          + " and shipped release "
          + (i % 97)
          + " in "
          + (1990 + i % 35)
          + ".";
    }

    static String query(int i) {
      return switch (i % 3) {
        case 0 -> "Who works at " + ORGS[i % ORGS.length] + "?";
        case 1 -> "Which team studies " + TOPICS[i % TOPICS.length] + "?";
        default -> FIRST[i % FIRST.length] + " " + LAST[(i / 3) % LAST.length];
      };
    }
  }
}
