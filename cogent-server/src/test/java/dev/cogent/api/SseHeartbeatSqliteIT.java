package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keep-alive comments over real HTTP with {@code server.sse_heartbeat_seconds} at 1: a run whose
 * model waits 2.5 s before answering leaves its stream silent long enough for them. Only SQLite:
 * the heartbeat is the stream's, storage plays no part.
 */
class SseHeartbeatSqliteIT {

  @TempDir Path dir;

  @Test
  void a_silent_run_stream_carries_keep_alive_comments_before_its_tokens() {
    try (TestServer server =
        TestServer.start(
            DatabaseKind.SQLITE,
            dir,
            Map.of("COGENT_SSE_HEARTBEAT_SECONDS", "1"),
            InstantSource.system())) {
      HttpResponse<String> created =
          server.post(
              "/sessions", "{\"config\": {\"provider\": \"mock\", \"model\": \"scripted-1\"}}");
      String sessionId = TestServer.json(created).path("id").asText();

      try (SseClient stream =
          SseClient.post(
              server,
              "/sessions/" + sessionId + "/messages",
              "{\"content\": \"/sleep 2500\\n/reply ok\"}")) {
        assertThat(stream.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.lines().contains("event: done"));

        List<String> lines = stream.lines();
        int firstKeepAlive = lines.indexOf(": keep-alive");
        int firstToken = lines.indexOf("event: token");
        assertThat(firstKeepAlive).as("a keep-alive comment in %s", lines).isNotNegative();
        assertThat(firstKeepAlive).isLessThan(firstToken);
        assertThat(lines.indexOf("event: status")).isLessThan(firstKeepAlive);
      }
    }
  }
}
