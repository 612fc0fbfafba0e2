package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 200 clients creating sessions at once on the embedded SQLite: every one succeeds. */
class ConcurrentCreationIT {

  private static final int CLIENTS = 200;

  @TempDir Path dir;

  @Test
  void two_hundred_concurrent_session_creations_all_succeed_on_sqlite() throws Exception {
    try (TestServer server =
        TestServer.start(
            DatabaseKind.SQLITE, dir, Map.of(), MutableClock.at("2026-03-02T12:00:00Z"))) {
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      try {
        List<Callable<HttpResponse<String>>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
          String body = "{\"title\": \"load " + i + "\", \"metadata\": {\"n\": \"" + i + "\"}}";
          clients.add(() -> server.post("/sessions", body));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> response : pool.invokeAll(clients)) {
          statuses.add(response.get().statusCode());
        }
        assertThat(statuses).hasSize(CLIENTS).containsOnly(201);
      } finally {
        pool.shutdownNow();
      }
      assertThat(TestServer.json(server.get("/sessions?limit=1")).path("total").asInt())
          .isEqualTo(CLIENTS);
    }
  }
}
