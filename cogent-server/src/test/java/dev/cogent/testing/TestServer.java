package dev.cogent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.CogentServer;
import dev.cogent.http.OpenApiContract;
import dev.cogent.memory.index.Embedder;
import dev.cogent.observability.SpanBuffer;
import dev.cogent.settings.Settings;
import dev.cogent.settings.SettingsLoader;
import dev.cogent.settings.SettingsSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Cogent server on a free port with a temporary data and project dir, and a real HTTP client
 * that checks every response it receives against the OpenAPI document.
 */
public final class TestServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The Argon2id memory of password hashes on test servers: the default 19 MiB would make every
   * register and login of a test cost tens of milliseconds of CPU and assert nothing more.
   */
  public static final int PASSWORD_HASH_MEMORY_KIB = 64;

  /** Shared by every server of the JVM: loading and compiling its schemas is the costly part. */
  private static final OpenApiContract CONTRACT = OpenApiContract.load();

  /**
   * One embedding model for every server of the test JVM: loading it took a large part of each
   * memory test's server, and it is thread-safe and stateless between requests.
   */
  private static final Embedder EMBEDDER = new Embedder();

  private final CogentServer server;
  private final HttpClient client;
  private final Settings settings;

  private TestServer(CogentServer server, Settings settings) {
    this.server = server;
    this.settings = settings;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * Starts a server on {@code kind} of database.
   *
   * @param env {@code COGENT_*} variables as the environment would give them
   */
  public static TestServer start(
      DatabaseKind kind, Path dir, Map<String, String> env, InstantSource clock) {
    try {
      Path project = Files.createDirectories(dir.resolve("project"));
      Path home = Files.createDirectories(dir.resolve("home"));
      Map<String, String> environment = new HashMap<>(env);
      environment.putIfAbsent("COGENT_DATABASE_URL", kind.newDatabaseUrl(dir));
      // Tests that are not about rate limiting must not trip over it; the clock may stand still.
      environment.putIfAbsent("COGENT_RATE_LIMIT_BURST", "100000");
      // A test closes its server when its requests are done; a grace period would only keep the
      // client's idle keep-alive connection open for Jetty's one-second shutdown idle timeout.
      environment.putIfAbsent("COGENT_SHUTDOWN_GRACE_SECONDS", "0");
      environment.putIfAbsent(
          "COGENT_PASSWORD_HASH_MEMORY_KIB", String.valueOf(PASSWORD_HASH_MEMORY_KIB));
      Settings settings =
          new SettingsLoader()
              .load(
                  new SettingsSources(
                      home,
                      project,
                      environment,
                      Map.of("port", "0", "data-dir", dir.resolve("data").toString())));
      // The server sees the real environment (PATH for sandbox probes) without provider keys or
      // other COGENT_* variables of the machine, plus the test's variables.
      Map<String, String> processEnvironment = new HashMap<>(System.getenv());
      processEnvironment
          .keySet()
          .removeIf(name -> name.endsWith("_API_KEY") || name.startsWith("COGENT_"));
      processEnvironment.putAll(environment);
      return new TestServer(
          CogentServer.start(settings, clock, processEnvironment, EMBEDDER), settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Settings settings() {
    return settings;
  }

  /** The port of the Prometheus endpoint, or -1 while metrics are off. */
  public int metricsPort() {
    return server.metricsPort();
  }

  /** The server's buffer of recent traces. */
  public SpanBuffer spans() {
    return server.spans();
  }

  public URI uri(String path) {
    return URI.create(server.url() + path);
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  public HttpResponse<String> post(String path, String body, String... headers) {
    return send("POST", path, body, headers);
  }

  public HttpResponse<String> patch(String path, String body, String... headers) {
    return send("PATCH", path, body, headers);
  }

  public HttpResponse<String> delete(String path, String... headers) {
    return send("DELETE", path, null, headers);
  }

  /** Sends a request and validates the response against the OpenAPI document. */
  public HttpResponse<String> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      builder.headers(headers);
    }
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpRequest request = builder.build();
    HttpResponse<String> response = sendUnchecked(request);
    CONTRACT.assertValid(request, response);
    return response;
  }

  /**
   * Sends a request no operation of the API matches (an unknown route, a wrong method) and checks
   * that the answer is the error envelope.
   */
  public HttpResponse<String> sendOffApi(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = sendUnchecked(request);
    CONTRACT.assertValidError(response);
    return response;
  }

  /** Sends a request without validating the response (for responses outside the API). */
  public HttpResponse<String> sendUnchecked(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
