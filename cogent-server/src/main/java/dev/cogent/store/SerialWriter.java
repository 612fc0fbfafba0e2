package dev.cogent.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;

/**
 * The one writer of a SQLite database. Every thread's write transaction runs on this writer's own
 * thread, and the transactions that queue while one batch commits share the next commit, each in a
 * savepoint of its own.
 *
 * <p>Why a thread and not a lock: SQLite takes one writer at a time. A lock that serializes the
 * calling threads hands the database from thread to thread; under hundreds of concurrent writers
 * (streaming runs, each starting, storing its answer and finishing) every hand-over waits for the
 * next thread to be scheduled, and every small transaction pays a commit of its own, so writers
 * queue for seconds while the lock is mostly idle. Here the connection stays with one running
 * thread, and a queue of small transactions costs one commit.
 *
 * <p>Each transaction keeps its own outcome: a callback that throws is rolled back to its
 * savepoint, so only its own writes are undone and only its caller sees the exception; the others
 * of the batch commit. A caller gets its result only after the commit. Should the commit itself
 * fail, every transaction of the batch fails.
 *
 * <p>A callback runs on the writer thread, so it must not wait for another thread's write (that
 * write would wait for it). A write started from inside a callback runs at once, in the same
 * transaction, in a nested savepoint.
 *
 * <p>Two lanes. A write somebody is waiting on to answer a request (a run's start, a stored
 * message) goes ahead of the queued {@linkplain #submitInBackground background} writes (a run's
 * streamed events, whose readers do not wait for their commit), which commit one at a time in
 * transactions of their own: such a write waits at most for the one background write in progress,
 * never for the backlog of a thousand streams.
 *
 * <p>Thread-safe.
 */
final class SerialWriter implements AutoCloseable {

  /** Transactions of one commit at most. */
  static final int MAX_BATCH = 256;

  /**
   * A batch commits once its transactions have run this long, even with more queued: the first of
   * them should not wait for the last.
   */
  static final Duration MAX_BATCH_TIME = Duration.ofMillis(10);

  /** The size the write-ahead log's file is cut back to when the log starts over. */
  static final long WAL_SIZE_LIMIT_BYTES = 128L * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(SerialWriter.class);

  private final Jdbi jdbi;
  private final Duration queueTimeout;

  /** Interactive tasks first, then background ones, then the stop; each lane in arrival order. */
  private final PriorityBlockingQueue<Task<?>> queue = new PriorityBlockingQueue<>();

  private final AtomicLong arrivals = new AtomicLong();
  private final Thread thread;
  private final Task<Void> stop = new Task<>(handle -> null, Lane.STOP, Long.MAX_VALUE, null);
  private volatile boolean closed;

  /**
   * Writer thread only: its connection, the open transaction (the same handle, while a batch runs),
   * and how deep the nested savepoints go.
   */
  private Handle handle;

  private Handle current;

  private int depth;

  /**
   * @param queueTimeout how long a transaction may wait for its turn before its caller gets {@link
   *     StoreUnavailableException} (it is then never run)
   * @param threads makes the writer thread, which starts at once
   */
  SerialWriter(Jdbi jdbi, Duration queueTimeout, ThreadFactory threads) {
    this.jdbi = jdbi;
    this.queueTimeout = queueTimeout;
    this.thread = threads.newThread(this::loop);
    thread.start();
  }

  /**
   * Runs {@code callback} in a write transaction on the writer thread and returns its result once
   * committed, or throws what the callback threw (its writes rolled back).
   *
   * @throws StoreUnavailableException when the transaction could not get its turn in time, the
   *     caller was interrupted before its turn, or the writer is closed; it has not run then
   */
  <R> R write(HandleCallback<R, RuntimeException> callback) {
    return write(callback, Lane.INTERACTIVE);
  }

  /**
   * Queues {@code callback} like {@link #write} (in the interactive lane, after the writes queued
   * before it and before every write queued after it) and returns at once; once its transaction is
   * committed or rolled back, {@code whenDone} gets its result or failure, on the writer thread
   * (keep it short). Refused at once, on this thread, when the writer is closed.
   */
  <R> void submit(
      HandleCallback<R, RuntimeException> callback, BiConsumer<R, RuntimeException> whenDone) {
    submit(callback, Lane.INTERACTIVE, whenDone);
  }

  /**
   * Queues {@code callback} in the background lane and returns at once; once its transaction is
   * committed or rolled back, {@code whenDone} gets its result or failure, on the writer thread
   * (keep it short). Refused at once, on this thread, when the writer is closed.
   */
  <R> void submitInBackground(
      HandleCallback<R, RuntimeException> callback, BiConsumer<R, RuntimeException> whenDone) {
    submit(callback, Lane.BACKGROUND, whenDone);
  }

  private <R> void submit(
      HandleCallback<R, RuntimeException> callback,
      Lane lane,
      BiConsumer<R, RuntimeException> whenDone) {
    Task<R> task = new Task<>(callback, lane, arrivals.incrementAndGet(), whenDone);
    queue.add(task);
    if (closed && task.cancel()) {
      task.refuse();
    }
  }

  /**
   * Runs {@code work} on the writer's connection outside any transaction, between two batches, and
   * returns its result: for what SQLite refuses inside a transaction that has written, such as a
   * checkpoint that starts the write-ahead log over. It runs after the interactive writes queued
   * before it and before the background ones; every write waits while it runs, so keep it short.
   *
   * @throws StoreUnavailableException as {@link #write} does
   * @throws IllegalStateException when called from inside a write transaction
   */
  <R> R betweenTransactions(HandleCallback<R, RuntimeException> work) {
    if (Thread.currentThread() == thread) {
      throw new IllegalStateException("inside a write transaction");
    }
    return write(work, Lane.BETWEEN);
  }

  private <R> R write(HandleCallback<R, RuntimeException> callback, Lane lane) {
    if (Thread.currentThread() == thread) {
      return nested(callback);
    }
    if (closed) {
      throw new StoreUnavailableException("the database is closed");
    }
    Task<R> task = new Task<>(callback, lane, arrivals.incrementAndGet(), null);
    queue.add(task);
    if (closed && task.cancel()) {
      throw new StoreUnavailableException("the database is closed");
    }
    return task.await(queueTimeout);
  }

  /** Transactions waiting for their turn (for tests). */
  int queued() {
    return queue.size();
  }

  /** Runs the transactions queued so far, then stops the writer thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(stop);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private <R> R nested(HandleCallback<R, RuntimeException> callback) {
    Handle handle = current;
    if (handle == null) {
      throw new IllegalStateException("no transaction is open on the writer thread");
    }
    String savepoint = "nested_" + ++depth;
    try {
      return Task.inSavepoint(handle, savepoint, callback);
    } finally {
      depth--;
    }
  }

  private void loop() {
    ArrayDeque<Task<?>> pending = new ArrayDeque<>();
    boolean stopping = false;
    while (!stopping) {
      Task<?> first;
      try {
        first = queue.take();
      } catch (InterruptedException e) {
        // Nobody interrupts the writer but the JVM going down; finish what is queued.
        continue;
      }
      if (first == stop) {
        // Last in line: everything queued before the close has run.
        stopping = true;
        continue;
      }
      if (first.lane == Lane.BETWEEN) {
        runOutsideTransaction(first);
        continue;
      }
      pending.add(first);
      if (first.lane == Lane.INTERACTIVE) {
        // The interactive writes queued meanwhile share its commit; background ones wait.
        // The queue's one consumer is this thread: what it peeks is what it polls next.
        Task<?> next;
        while (pending.size() < MAX_BATCH
            && (next = queue.peek()) != null
            && next.lane == Lane.INTERACTIVE) {
          pending.add(queue.poll());
        }
      }
      while (!pending.isEmpty()) {
        runBatch(pending);
      }
    }
    closeHandle();
    List<Task<?>> late = new ArrayList<>();
    queue.drainTo(late);
    late.forEach(
        task -> {
          if (task.cancel()) {
            task.refuse();
          }
        });
  }

  private void runOutsideTransaction(Task<?> task) {
    if (!task.start()) {
      return;
    }
    RuntimeException noConnection = null;
    try {
      task.runAlone(handle());
    } catch (RuntimeException e) {
      noConnection = e;
      log.error("The database writer has no connection", e);
    }
    task.complete(noConnection);
  }

  /**
   * Runs queued transactions from the head of {@code pending} in one database transaction, until it
   * is empty or {@link #MAX_BATCH_TIME} has passed, and commits them. A transaction alone in its
   * batch needs no savepoint: when it fails, the whole transaction is rolled back.
   */
  private void runBatch(ArrayDeque<Task<?>> pending) {
    List<Task<?>> ran = new ArrayList<>();
    long deadline = System.nanoTime() + MAX_BATCH_TIME.toNanos();
    boolean alone = pending.size() == 1;
    RuntimeException batchFailure = null;
    try {
      Handle open = handle();
      open.begin();
      current = open;
      try {
        while (!pending.isEmpty() && (ran.isEmpty() || System.nanoTime() < deadline)) {
          Task<?> task = pending.poll();
          if (task.start()) {
            ran.add(task);
            if (alone) {
              task.runAlone(open);
            } else {
              task.runIn(open);
            }
          }
        }
        if (alone && !ran.isEmpty() && ran.get(0).failed()) {
          open.rollback();
        } else {
          open.commit();
        }
      } catch (RuntimeException e) {
        batchFailure = e;
        rollBack(open);
      } finally {
        current = null;
        depth = 0;
      }
    } catch (RuntimeException e) {
      // No connection could be had.
      batchFailure = e;
    }
    if (batchFailure != null) {
      log.error(
          "A batch of {} write transactions failed and was rolled back", ran.size(), batchFailure);
      // The connection may be what failed: the next batch gets a fresh one.
      closeHandle();
    }
    for (Task<?> task : ran) {
      task.complete(batchFailure);
    }
  }

  /** The writer's connection, kept from batch to batch (a pooled one, taken on first use). */
  private Handle handle() {
    if (handle == null) {
      handle = jdbi.open();
      // A transaction that has read and then meets another connection's write lock fails at once
      // with SQLITE_BUSY: SQLite does not wait there, lest two such transactions wait for each
      // other. The batches take the write lock as they begin, where busy_timeout applies.
      transactionMode(handle, TransactionMode.IMMEDIATE);
      // Checkpoints run beside the writer (WalCheckpointer), not inside its commits; the log's
      // file is cut back to this size once a checkpoint has let it start over.
      handle.execute("PRAGMA wal_autocheckpoint = 0");
      handle.execute("PRAGMA journal_size_limit = " + WAL_SIZE_LIMIT_BYTES);
    }
    return handle;
  }

  private void closeHandle() {
    if (handle == null) {
      return;
    }
    try {
      // Back to the pool, whose other users begin their transactions as SQLite does.
      transactionMode(handle, TransactionMode.DEFERRED);
    } catch (RuntimeException e) {
      log.warn("Resetting the writer's connection failed", e);
    }
    try {
      handle.close();
    } catch (RuntimeException e) {
      log.warn("Closing the writer's connection failed", e);
    }
    handle = null;
  }

  private static void transactionMode(Handle handle, TransactionMode mode) {
    try {
      handle
          .getConnection()
          .unwrap(SQLiteConnection.class)
          .getConnectionConfig()
          .setTransactionMode(mode);
    } catch (SQLException e) {
      throw new IllegalStateException("the writer's connection is not a SQLite one", e);
    }
  }

  private static void rollBack(Handle handle) {
    try {
      handle.rollback();
    } catch (RuntimeException e) {
      log.warn("Rolling back a failed batch of write transactions failed", e);
    }
  }

  /** The batch's transaction can no longer be used; no callback's own failure. */
  private static final class TransactionBroken extends RuntimeException {
    TransactionBroken(RuntimeException cause) {
      super("a savepoint statement failed", cause);
    }
  }

  /** The order in which queued work runs: interactive transactions first. */
  private enum Lane {
    INTERACTIVE,
    BETWEEN,
    BACKGROUND,
    STOP
  }

  /** One caller's transaction, from its queueing to its outcome. */
  private static final class Task<R> implements Comparable<Task<?>> {

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int CANCELLED = 2;

    private final HandleCallback<R, RuntimeException> callback;
    private final Lane lane;
    private final long arrival;

    /** Told the outcome instead of a waiting caller; null when a caller waits. */
    private final BiConsumer<R, RuntimeException> whenDone;

    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private final CountDownLatch done = new CountDownLatch(1);

    // Written by the writer thread before done counts down, read by the caller after: the latch
    // orders them.
    private R result;
    private Throwable failure;

    Task(
        HandleCallback<R, RuntimeException> callback,
        Lane lane,
        long arrival,
        BiConsumer<R, RuntimeException> whenDone) {
      this.callback = callback;
      this.lane = lane;
      this.arrival = arrival;
      this.whenDone = whenDone;
    }

    @Override
    public int compareTo(Task<?> other) {
      int byLane = lane.compareTo(other.lane);
      return byLane != 0 ? byLane : Long.compare(arrival, other.arrival);
    }

    /** Whether this may run: false once its caller gave up on it. */
    boolean start() {
      return state.compareAndSet(QUEUED, RUNNING);
    }

    /** Whether its caller may give up on it: false once it runs. */
    boolean cancel() {
      return state.compareAndSet(QUEUED, CANCELLED);
    }

    /** Runs the callback in the transaction as it is (the batch's only one). */
    void runAlone(Handle handle) {
      try {
        result = callback.withHandle(handle);
      } catch (RuntimeException | Error e) {
        failure = e;
      }
    }

    boolean failed() {
      return failure != null;
    }

    void runIn(Handle handle) {
      try {
        result = inSavepoint(handle, "tx", callback);
      } catch (TransactionBroken e) {
        throw e;
      } catch (RuntimeException | Error e) {
        failure = e;
      }
    }

    /**
     * Runs {@code callback} in a savepoint of the open transaction: its writes are released into
     * the transaction on success and rolled back on failure, which is rethrown.
     */
    static <R> R inSavepoint(
        Handle handle, String savepoint, HandleCallback<R, RuntimeException> callback) {
      savepointStatement(() -> handle.savepoint(savepoint));
      R value;
      try {
        value = callback.withHandle(handle);
      } catch (RuntimeException | Error e) {
        // Rolled back, the savepoint stays open until the transaction ends (SQLite keeps it; Jdbi
        // forgets it), which is harmless.
        savepointStatement(() -> handle.rollbackToSavepoint(savepoint));
        throw e;
      }
      savepointStatement(() -> handle.release(savepoint));
      return value;
    }

    /** A savepoint statement that fails leaves the transaction unusable: the batch fails. */
    private static void savepointStatement(Runnable statement) {
      try {
        statement.run();
      } catch (RuntimeException e) {
        throw new TransactionBroken(e);
      }
    }

    /** Ends the task after its batch: with its own outcome, or the batch's failure. */
    void complete(RuntimeException batchFailure) {
      if (batchFailure != null && failure == null) {
        // The cause is logged once for the batch; the caller may retry.
        failure = new StoreUnavailableException("the write could not be committed");
      }
      done.countDown();
      tell();
    }

    /** Ends a task that will never run. */
    void refuse() {
      failure = new StoreUnavailableException("the database is closed");
      done.countDown();
      tell();
    }

    private void tell() {
      if (whenDone == null) {
        return;
      }
      RuntimeException outcome =
          failure == null
              ? null
              : failure instanceof RuntimeException e
                  ? e
                  : new StoreUnavailableException("the write failed: " + failure);
      try {
        whenDone.accept(failure == null ? result : null, outcome);
      } catch (RuntimeException e) {
        log.warn("Handling the outcome of a background write failed", e);
      }
    }

    R await(Duration queueTimeout) {
      boolean interrupted = false;
      try {
        try {
          if (!done.await(queueTimeout.toNanos(), TimeUnit.NANOSECONDS) && cancel()) {
            throw new StoreUnavailableException("timed out waiting for the database writer");
          }
        } catch (InterruptedException e) {
          if (cancel()) {
            interrupted = true;
            throw new StoreUnavailableException("interrupted waiting for the database writer");
          }
          interrupted = true;
        }
        // It runs or has run: its outcome comes, and its caller must have it.
        while (true) {
          try {
            done.await();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return result;
    }
  }
}
