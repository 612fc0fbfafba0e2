package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.McpTestServer;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.SseClient.Frame;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session's agent calls a tool of a real MCP server as {@code <server>_<tool>}. */
class McpRuntimeIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private TestServer server;
  private McpTestServer mcp;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (mcp != null) {
      mcp.close();
    }
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

  private static JsonNode toolResult(List<Frame> frames) {
    return frames.stream()
        .filter(frame -> frame.event().equals("tool_result"))
        .findFirst()
        .orElseThrow()
        .data();
  }

  @Test
  void a_scripted_message_calls_an_mcp_tool_and_gets_the_servers_answer() {
    server = TestServer.start(DatabaseKind.SQLITE, dir, Map.of(), clock);
    mcp = McpTestServer.start(McpTestServer.Transport.STREAMABLE_HTTP);
    HttpResponse<String> registered =
        server.post(
            "/mcp-servers",
            "{\"name\": \"remote\", \"url\": \""
                + mcp.url()
                + "\", \"transport\": \"streamable_http\"}");
    assertThat(registered.statusCode()).isEqualTo(201);

    List<Frame> frames = run("/tool remote_echo {\"text\": \"from the agent\"}\n/reply ok");

    assertThat(frames.get(frames.size() - 1).event()).isEqualTo("done");
    JsonNode result = toolResult(frames);
    assertThat(result.path("output").asText()).isEqualTo("echo: from the agent");
    assertThat(result.path("exit_code").asInt()).isZero();
    assertThat(mcp.calls()).isEqualTo(1);
  }

  @Test
  void a_server_that_is_down_never_fails_the_run_and_shows_as_failed() {
    server = TestServer.start(DatabaseKind.SQLITE, dir, Map.of(), clock);
    server.post(
        "/mcp-servers",
        "{\"name\": \"gone\", \"url\": \"http://127.0.0.1:9/mcp\", \"transport\": \"streamable_http\"}");

    List<Frame> frames = run("/tool gone_echo {\"text\": \"x\"}\n/reply still here");

    assertThat(frames.get(frames.size() - 1).event()).isEqualTo("done");
    JsonNode result = toolResult(frames);
    assertThat(result.path("exit_code").asInt()).isEqualTo(1);
    assertThat(result.path("output").asText()).contains("Unknown tool 'gone_echo'");
    assertThat(TestServer.json(server.get("/mcp-servers/gone")).path("status").asText())
        .isEqualTo("failed");
  }
}
