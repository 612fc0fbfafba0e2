package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up recovery of runs a crashed server left running; on SQLite and PostgreSQL. */
abstract class RecoveryContract {

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");

  abstract DatabaseKind kind();

  @Test
  void a_run_left_running_by_a_crash_is_failed_with_an_error_event_at_start_up() {
    String url = kind().newDatabaseUrl(dir);
    Map<String, String> env = Map.of("COGENT_DATABASE_URL", url);
    String sessionId;
    try (TestServer first = TestServer.start(kind(), dir, env, clock)) {
      sessionId =
          TestServer.json(
                  first.post(
                      "/sessions", "{\"config\": {\"provider\": \"mock\", \"model\": \"m\"}}"))
              .path("id")
              .asText();
    }
    // What a crash leaves behind: a run still marked running, holding the session.
    try (Database database =
        Database.open(new StoreSettings(dir.resolve("data"), url, null, null, 2))) {
      database.useTransaction(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO runs (id, session_id, status, created_at, updated_at,"
                          + " active_session_id, ordinal) VALUES ('crashed-run', :s, 'running',"
                          + " 0, 0, :s, 1)")
                  .bind("s", sessionId)
                  .execute());
    }

    try (TestServer second = TestServer.start(kind(), dir, env, clock)) {
      JsonNode run = TestServer.json(second.get("/sessions/" + sessionId + "/runs/crashed-run"));
      assertThat(run.path("status").asText()).isEqualTo("failed");
      assertThat(run.path("error").path("code").asText()).isEqualTo("STREAMING_ERROR");
      assertThat(run.path("finished_at").isNull()).isFalse();

      JsonNode events = TestServer.json(second.get("/sessions/" + sessionId + "/events"));
      JsonNode last = events.path("events").get(events.path("events").size() - 1);
      assertThat(last.path("event").asText()).isEqualTo("error");
      assertThat(last.path("run_id").asText()).isEqualTo("crashed-run");
      assertThat(last.path("data").path("code").asText()).isEqualTo("STREAMING_ERROR");
      assertThat(last.path("data").path("message").asText()).contains("restarted");
      assertThat(TestServer.json(second.get("/health")).path("active_sessions").asInt()).isZero();

      try (SseClient next =
          SseClient.post(
              second, "/sessions/" + sessionId + "/messages", "{\"content\": \"again\"}")) {
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.readToEnd(Duration.ofSeconds(20)))
            .last()
            .extracting(SseClient.Frame::event)
            .isEqualTo("done");
      }
    }
  }
}
