package dev.cogent.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a SQLite database's write-ahead log back into the database file, on a thread of its own,
 * and has the log start over before it grows long.
 *
 * <p>Why not SQLite's own checkpoints: they run inside the commit that passes a thousand pages,
 * copying pages and syncing the file while the one writer ({@link SerialWriter}) holds every other
 * write behind it. Under hundreds of streaming runs that commit came every second or two and put
 * its 30 to 60 ms into the start of whichever runs queued behind it (docs/benchmarks.md). So the
 * writer's connection turns them off, and this checkpoints in {@code PASSIVE} mode from another
 * connection: it copies what no reader still needs and never blocks the writer, which goes on
 * appending meanwhile.
 *
 * <p>Why a {@code RESTART} as well: after a complete checkpoint the writer's next transaction
 * starts the log over from its beginning only if no reader is inside the log then, and under
 * constant load one always is. The log then grew to hundreds of megabytes until the load paused,
 * and the restart that came at last cut the file back to the writer's {@code journal_size_limit}
 * inside a transaction that stalled every write for over half a second (docs/benchmarks.md). So
 * once the log passes {@link Policy#restartAboveFrames}, a {@code RESTART} checkpoint follows, on
 * the writer's own connection between two of its transactions (see {@link BetweenWrites}): it
 * copies what the passive one left and starts the log over, if no reader is inside it; every write
 * waits meanwhile, so as little as can be is left to it ({@link #checkpoint()} says how).
 *
 * <p>Thread-safe.
 */
final class WalCheckpointer implements AutoCloseable {

  /** A log this long after a checkpoint means readers keep it from catching up: worth a warning. */
  static final int BACKLOG_WARNING_FRAMES = 250_000;

  private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

  /** What one checkpoint found and did, in log frames (pages). */
  record Outcome(boolean busy, int logFrames, int checkpointedFrames) {}

  /**
   * Runs a checkpoint on the writer's connection, between two of its transactions. Why there: a
   * restart holds the write lock throughout, so every write waits for it anyway, and the writer
   * thread then waits no longer than the restart runs, where a writer waiting for another
   * connection's lock polls it with sleeps of growing length.
   */
  @FunctionalInterface
  interface BetweenWrites {
    Outcome run(HandleCallback<Outcome, RuntimeException> checkpoint);
  }

  /**
   * When to checkpoint and when to start the log over.
   *
   * @param interval between checkpoints
   * @param restartAboveFrames the log's length, in frames, past which the log is started over
   * @param retryInterval between checkpoints while readers keep the long log from starting over
   * @param patience how many such checkpoints in a row hand the restart to the writer only when
   *     readers let it go quickly; the next one waits for them
   * @param restartWait how long that one waits for the readers of the moment to leave the log
   */
  record Policy(
      Duration interval,
      int restartAboveFrames,
      Duration retryInterval,
      int patience,
      Duration restartWait) {}

  private final Jdbi jdbi;
  private final BetweenWrites betweenWrites;
  private final ScheduledExecutorService executor;
  private final Policy policy;

  /** The database's file; empty for a database without one. */
  private final Optional<Path> databaseFile;

  /** Checkpoints in a row that found the log past its limit. */
  private int triesPastLimit;

  /**
   * Checkpoints on {@code executor}, which it owns and shuts down on close, as {@code policy} says,
   * once {@linkplain #start started}.
   *
   * @param jdbi connections for the passive checkpoints
   * @param betweenWrites where the restarts run
   */
  WalCheckpointer(
      Jdbi jdbi, BetweenWrites betweenWrites, ScheduledExecutorService executor, Policy policy) {
    this.jdbi = jdbi;
    this.betweenWrites = betweenWrites;
    this.executor = executor;
    this.policy = policy;
    this.databaseFile = jdbi.withHandle(WalCheckpointer::databaseFile);
  }

  /**
   * Starts checkpointing, at once: a log left long by an earlier process (one that was killed)
   * starts over soon.
   */
  void start() {
    schedule(Duration.ZERO);
  }

  /**
   * Checkpoints now, on the calling thread: a passive checkpoint, then, if the log is long, a
   * restart. The outcome is the last one's; {@code busy} when readers kept the log from starting
   * over.
   *
   * <p>Every write waits while a restart runs, so as little as can be is left to it: it is handed
   * to the writer only once the passive checkpoint has copied all the log it saw (readers that
   * began before it may keep it from that), after the database file's copied pages are synced here,
   * and at first without waiting for readers. Only after {@link Policy#patience} checkpoints in a
   * row with the log past its limit does it go to the writer anyway, waiting for the readers, lest
   * an unbroken chain of readers keep the log from ever starting over; then patience starts anew.
   */
  synchronized Outcome checkpoint() {
    Outcome passive = jdbi.withHandle(handle -> checkpoint(handle, "PASSIVE"));
    if (passive.logFrames() <= policy.restartAboveFrames()) {
      triesPastLimit = 0;
      return passive;
    }
    triesPastLimit++;
    boolean patient = triesPastLimit <= policy.patience();
    if (patient && passive.checkpointedFrames() < passive.logFrames()) {
      return new Outcome(true, passive.logFrames(), passive.checkpointedFrames());
    }
    syncDatabaseFile();
    Duration wait = patient ? Duration.ZERO : policy.restartWait();
    Outcome restart = betweenWrites.run(handle -> restart(handle, wait));
    if (!restart.busy() || !patient) {
      // Started over, or waited for readers in vain: the next wait comes after another round of
      // patience, so that writes are held back for readers at most once in it.
      triesPastLimit = 0;
    }
    return restart;
  }

  private static Optional<Path> databaseFile(Handle handle) {
    String file =
        handle
            .createQuery("SELECT file FROM pragma_database_list WHERE name = 'main'")
            .mapTo(String.class)
            .findOne()
            .orElse("");
    return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
  }

  /**
   * Flushes the pages the passive checkpoints copied into the database file: the restart syncs the
   * file too, and would otherwise flush them all while every write waits.
   */
  private void syncDatabaseFile() {
    if (databaseFile.isEmpty()) {
      return;
    }
    try (FileChannel file = FileChannel.open(databaseFile.get(), StandardOpenOption.WRITE)) {
      file.force(false);
    } catch (IOException e) {
      // Only the restart's own sync is needed for the data to be safe; it is just slower now.
      log.debug("Syncing the database file before a restart of its log failed", e);
    }
  }

  private static Outcome restart(Handle handle, Duration wait) {
    // The writer's connection waits long for locks; here every write waits with it.
    int usualTimeout = handle.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one();
    handle.execute("PRAGMA busy_timeout = " + wait.toMillis());
    try {
      return checkpoint(handle, "RESTART");
    } finally {
      handle.execute("PRAGMA busy_timeout = " + usualTimeout);
    }
  }

  private static Outcome checkpoint(Handle handle, String mode) {
    return handle
        .createQuery("PRAGMA wal_checkpoint(" + mode + ")")
        .map((rs, ctx) -> new Outcome(rs.getInt(1) != 0, rs.getInt(2), rs.getInt(3)))
        .one();
  }

  private void schedule(Duration delay) {
    try {
      executor.schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // Closed meanwhile: no more rounds.
    }
  }

  private void round() {
    Duration next = policy.interval();
    try {
      Outcome outcome = checkpoint();
      if (outcome.busy()) {
        next = policy.retryInterval();
      }
      if (outcome.logFrames() - outcome.checkpointedFrames() > BACKLOG_WARNING_FRAMES) {
        log.warn(
            "The SQLite write-ahead log holds {} pages not yet copied back: long reads keep it"
                + " from catching up",
            outcome.logFrames() - outcome.checkpointedFrames());
      }
    } catch (RuntimeException e) {
      if (executor.isShutdown()) {
        // Closing: the writer may have refused the restart.
        return;
      }
      // The next round tries again; a store that stays broken shows in the requests' errors.
      log.warn("A checkpoint of the SQLite write-ahead log failed", e);
    }
    schedule(next);
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
