package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.NpmPackages;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.SseClient.Frame;
import dev.cogent.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cogent against the reference MCP server {@code @modelcontextprotocol/server-everything} over
 * streamable HTTP, started as a separate node process. Needs node and npm; the pinned package is
 * installed once into {@code target/npm-cache} (the npm registry must be reachable the first time).
 * Without them the test is skipped and says why.
 */
class McpEverythingServerIT {

  private static final String PACKAGE = "@modelcontextprotocol/server-everything";
  private static final String VERSION = "2026.8.31";
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private TestServer server;
  private Process everything;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
    if (everything != null) {
      everything.descendants().forEach(ProcessHandle::destroyForcibly);
      everything.destroyForcibly();
      assertThat(everything.waitFor(30, TimeUnit.SECONDS)).as("server-everything stopped").isTrue();
    }
  }

  @Test
  void a_scripted_message_calls_the_echo_tool_of_server_everything() throws IOException {
    Path entry = installed();
    int port = freePort();
    ProcessBuilder launch =
        new ProcessBuilder("node", entry.toString(), "streamableHttp")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("everything.log").toFile());
    launch.environment().put("PORT", String.valueOf(port));
    everything = launch.start();
    await().atMost(WAIT).until(() -> listening(port) || !everything.isAlive());
    assertThat(everything.isAlive())
        .as("server-everything runs: %s", Files.readString(dir.resolve("everything.log")))
        .isTrue();
    server = TestServer.start(DatabaseKind.SQLITE, dir, Map.of(), clock);

    HttpResponse<String> registered =
        server.post(
            "/mcp-servers",
            "{\"name\": \"everything\", \"url\": \"http://127.0.0.1:"
                + port
                + "/mcp\", \"transport\": \"streamable_http\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

    List<Frame> frames =
        run("/tool everything_echo {\"message\": \"from the agent\"}\n/reply echoed");

    assertThat(frames.get(frames.size() - 1).event()).isEqualTo("done");
    JsonNode result =
        frames.stream()
            .filter(frame -> frame.event().equals("tool_result"))
            .findFirst()
            .orElseThrow()
            .data();
    assertThat(result.path("exit_code").asInt()).as(result.toString()).isZero();
    assertThat(result.path("output").asText()).isEqualTo("Echo: from the agent");
    assertThat(TestServer.json(server.get("/mcp-servers/everything")).path("status").asText())
        .isEqualTo("connected");
  }

  private List<Frame> run(String script) {
    HttpResponse<String> created =
        server.post("/sessions", "{\"config\": {\"provider\": \"mock\", \"model\": \"scripted\"}}");
    String sessionId = TestServer.json(created).path("id").asText();
    try (SseClient stream =
        SseClient.post(
            server,
            "/sessions/" + sessionId + "/messages",
            "{\"content\": " + RuntimeApiContract.quote(script) + "}")) {
      return stream.readToEnd(WAIT);
    }
  }

  /** The package's entry point, installed into the module's {@code target/npm-cache} once. */
  private Path installed() {
    return NpmPackages.install(
            Path.of("target", "npm-cache").toAbsolutePath(),
            PACKAGE,
            VERSION,
            dir.resolve("npm-install.log"))
        .resolve("dist")
        .resolve("index.js");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
