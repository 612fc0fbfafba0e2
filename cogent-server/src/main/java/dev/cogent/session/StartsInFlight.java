package dev.cogent.session;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The runs whose start is written and not yet committed, at most one per session. On SQLite a run
 * starts streaming while the transaction that stores its start (the run, the user's message) waits
 * for the writer ({@link RunService#start}); until it commits, the session's stored rows do not
 * show the run. Whoever reads the session through {@link SessionService#get} waits for it first, so
 * no request sees the session without the run that already streams.
 *
 * <p>Thread-safe.
 */
final class StartsInFlight {

  /**
   * How long a read waits for a start at most: as long as a write waits for its turn on the writer
   * before it gives up; past that the store is stuck, and the read goes on with what is stored.
   */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Map<String, CompletableFuture<Void>> bySession = new ConcurrentHashMap<>();

  /** Takes the session's one slot for {@code stored}; false when another start holds it. */
  boolean claim(String sessionId, CompletableFuture<Void> stored) {
    return bySession.putIfAbsent(sessionId, stored) == null;
  }

  /** Frees the slot {@code stored} took, if it still holds it. */
  void release(String sessionId, CompletableFuture<Void> stored) {
    bySession.remove(sessionId, stored);
  }

  /**
   * Returns once the session has no start on its way to the store (committed or failed, either
   * way).
   */
  void awaitSettled(String sessionId) {
    CompletableFuture<Void> stored = bySession.get(sessionId);
    if (stored == null) {
      return;
    }
    try {
      stored.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Failed (its run ends with an error) or stuck behind the writer: read what is stored.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
