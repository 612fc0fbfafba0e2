package dev.cogent.store;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a SQLite database's write-ahead log back into the database file, on a thread of its own.
 *
 * <p>Why not SQLite's own checkpoints: they run inside the commit that passes a thousand pages,
 * copying pages and syncing the file while the one writer ({@link SerialWriter}) holds every other
 * write behind it. Under hundreds of streaming runs that commit came every second or two and put
 * its 30 to 60 ms into the start of whichever runs queued behind it (docs/benchmarks.md). So the
 * writer's connection turns them off, and this checkpoints in {@code PASSIVE} mode from another
 * connection: it copies what no reader still needs and never blocks the writer, which goes on
 * appending meanwhile. Once a checkpoint has copied the whole log, the writer's next transaction
 * starts the log over from its beginning, if no reader is inside the log then: under constant load
 * one always is, so the log keeps growing until the load pauses, and the restart then truncates it
 * to the writer's {@code journal_size_limit} inside a transaction (docs/benchmarks.md, "A lighter
 * load generator", for what that costs and what is to be done).
 *
 * <p>Thread-safe.
 */
final class WalCheckpointer implements AutoCloseable {

  /** A log this long after a checkpoint means readers keep it from catching up: worth a warning. */
  static final int BACKLOG_WARNING_FRAMES = 250_000;

  private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

  /** What one checkpoint found and did, in log frames (pages). */
  record Outcome(boolean busy, int logFrames, int checkpointedFrames) {}

  private final Jdbi jdbi;
  private final ScheduledExecutorService executor;

  /**
   * Checkpoints every {@code interval} on {@code executor}, which it owns and shuts down on close.
   */
  WalCheckpointer(Jdbi jdbi, ScheduledExecutorService executor, Duration interval) {
    this.jdbi = jdbi;
    this.executor = executor;
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::checkpointQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Checkpoints now, on the calling thread. */
  Outcome checkpoint() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("PRAGMA wal_checkpoint(PASSIVE)")
                .map((rs, ctx) -> new Outcome(rs.getInt(1) != 0, rs.getInt(2), rs.getInt(3)))
                .one());
  }

  private void checkpointQuietly() {
    try {
      Outcome outcome = checkpoint();
      if (outcome.logFrames() - outcome.checkpointedFrames() > BACKLOG_WARNING_FRAMES) {
        log.warn(
            "The SQLite write-ahead log holds {} pages not yet copied back: long reads keep it"
                + " from catching up",
            outcome.logFrames() - outcome.checkpointedFrames());
      }
    } catch (RuntimeException e) {
      // The next round tries again; a store that stays broken shows in the requests' errors.
      log.warn("A checkpoint of the SQLite write-ahead log failed", e);
    }
  }

  /** Stops checkpointing; closing the store's last connection checkpoints what is left. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
