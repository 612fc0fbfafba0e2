package dev.cogent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cogent.Json;
import dev.cogent.observability.Metrics;
import dev.cogent.scope.Scope;
import dev.cogent.session.EventLog;
import dev.cogent.session.SessionRequests;
import dev.cogent.session.SessionService;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.Agents;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SseWriterTest {

  @TempDir Path dir;
  private Database database;
  private EventLog log;
  private String sessionId;
  private final Json json = new Json();

  @BeforeEach
  void open() {
    database =
        Database.open(
            new StoreSettings(dir, DatabaseKind.SQLITE.newDatabaseUrl(dir), null, null, 4));
    MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
    log = new EventLog(database, json, clock);
    sessionId =
        new SessionService(
                database, json, Agents.directory(database, json, clock, dir), s -> List.of(), clock)
            .create(new SessionRequests.Create(null, null, null, null), Scope.GLOBAL)
            .id();
  }

  @AfterEach
  void close() {
    database.close();
  }

  /** Collects what is written; readable from another thread. */
  static final class Sink extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void writes_retry_then_keep_alives_in_silence_then_frames_until_the_run_ends() {
    SseWriter writer = new SseWriter(json, Duration.ofMillis(20), new Metrics());
    Sink sink = new Sink();
    CompletableFuture<Void> streaming =
        CompletableFuture.runAsync(
            () -> {
              try {
                writer.write(sink, log.subscribe(sessionId, 0), "run-1");
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });

    await().atMost(Duration.ofSeconds(10)).until(() -> sink.text().contains(": keep-alive\n\n"));
    log.append(sessionId, "run-1", "token", Map.of("content", "Hi"));
    log.append(sessionId, "other-run", "done", Map.of("assistant_data", Map.of()));
    log.append(sessionId, "run-1", "error", Map.of("code", "ABORTED"));

    assertThat(streaming).succeedsWithin(Duration.ofSeconds(10));
    String text = sink.text();
    assertThat(text).startsWith("retry: 3000\n\n");
    assertThat(text)
        .contains("id: 1\nevent: token\ndata: {\"content\":\"Hi\"}\n\n")
        .contains("id: 2\nevent: done\n")
        .endsWith("id: 3\nevent: error\ndata: {\"code\":\"ABORTED\"}\n\n");
  }

  @Test
  void stops_at_the_first_failed_write() {
    SseWriter writer = new SseWriter(json, Duration.ofMillis(20), new Metrics());
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("client went away");
          }
        };

    assertThat(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    writer.write(broken, log.subscribe(sessionId, 0), "run-1");
                  } catch (IOException expected) {
                    return;
                  }
                  throw new AssertionError("the write should have failed");
                }))
        .succeedsWithin(Duration.ofSeconds(10));
  }
}
