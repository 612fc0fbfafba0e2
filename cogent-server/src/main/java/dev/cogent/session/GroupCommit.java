package dev.cogent.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of events on a store that serializes its writers (SQLite): the events that arrive
 * while the store is busy queue up, and the next write stores them in one transaction. Without it
 * every streamed token is a transaction of its own, and a thousand runs streaming at once queue for
 * the one write lock token by token.
 *
 * <p>The events already carry their sequences and were published (see {@link EventLog}); this only
 * makes them durable, in the background: {@link #enqueue} returns at once, and no appending thread
 * ever writes. While events are queued, one drain is submitted to the store's writer ({@link
 * Writer}); it takes what is queued when it runs (at most {@link #MAX_BATCH} events, shared fairly
 * between sessions), and once it is committed the next one is submitted if more arrived meanwhile.
 * {@link PendingEvent#await} waits for an event's commit.
 *
 * <p>Each session's events are written in the order they were queued. When a batch fails (a session
 * deleted under its run), each of its events is retried alone, so one bad event fails only itself.
 *
 * <p>Thread-safe.
 */
final class GroupCommit {

  /**
   * Events of one transaction at most: bounds how long a request's write, queued behind it, waits
   * for its commit.
   */
  static final int MAX_BATCH = 256;

  /**
   * Events a session may put in a batch at the least, when it has them: per session the batch pays
   * for the pages of its place in the log's index, so a token or two each would cost more than the
   * fairness is worth.
   */
  static final int MIN_SHARE = 16;

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /** Where the drains run: the store's one writer. */
  interface Writer {
    /**
     * Runs {@code work} in a write transaction, behind the writes requests wait for, and then tells
     * {@code whenDone} its result or failure once the transaction is committed or rolled back.
     * Inside {@code work}, writes join that transaction (in savepoints of their own).
     */
    void submit(
        Supplier<List<PendingEvent>> work,
        BiConsumer<List<PendingEvent>, RuntimeException> whenDone);
  }

  private final Writer writer;
  private final Consumer<List<LoggedEvent>> writeAll;
  private final Consumer<LoggedEvent> writeOne;
  private final Consumer<PendingEvent> settled;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();

  /** Queued events by session, each session's in the order given; sessions in arrival order. */
  private final LinkedHashMap<String, ArrayDeque<PendingEvent>> queue = new LinkedHashMap<>();

  private int queuedCount;

  /** Whether a drain is submitted and not yet done. */
  private boolean draining;

  /** What the drain in progress took (one drain at a time); null before it ran. */
  private List<PendingEvent> inFlight;

  /**
   * @param writer runs the drains
   * @param writeAll stores events, inside the drain's transaction (all or none of them)
   * @param writeOne stores one event, inside the drain's transaction
   * @param settled told of each event once its transaction ended, stored or failed, before its
   *     waiters
   */
  GroupCommit(
      Writer writer,
      Consumer<List<LoggedEvent>> writeAll,
      Consumer<LoggedEvent> writeOne,
      Consumer<PendingEvent> settled) {
    this.writer = writer;
    this.writeAll = writeAll;
    this.writeOne = writeOne;
    this.settled = settled;
  }

  /** Queues {@code event} for the next drain and returns at once. */
  PendingEvent enqueue(LoggedEvent event) {
    PendingEvent pending = new PendingEvent(this, event);
    boolean submit;
    lock.lock();
    try {
      queue.computeIfAbsent(event.sessionId(), id -> new ArrayDeque<>()).add(pending);
      queuedCount++;
      submit = !draining;
      draining = true;
    } finally {
      lock.unlock();
    }
    if (submit) {
      submitDrain();
    }
    return pending;
  }

  /** Waits until {@code mine} is committed or failed. */
  LoggedEvent await(PendingEvent mine) {
    if (!mine.done) {
      lock.lock();
      try {
        while (!mine.done) {
          written.awaitUninterruptibly();
        }
      } finally {
        lock.unlock();
      }
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.event();
  }

  /** Events waiting for a drain to take them (for tests). */
  int queued() {
    lock.lock();
    try {
      return queuedCount;
    } finally {
      lock.unlock();
    }
  }

  private void submitDrain() {
    writer.submit(this::drain, this::drained);
  }

  /** In the writer's transaction: takes a batch and writes it, each event alone if it must. */
  private List<PendingEvent> drain() {
    List<PendingEvent> batch;
    lock.lock();
    try {
      batch = takeBatch();
      inFlight = batch;
    } finally {
      lock.unlock();
    }
    if (batch.isEmpty()) {
      return batch;
    }
    try {
      writeAll.accept(batch.stream().map(PendingEvent::event).toList());
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).failure = e;
      } else {
        for (PendingEvent pending : batch) {
          try {
            writeOne.accept(pending.event());
          } catch (RuntimeException one) {
            pending.failure = one;
          }
        }
      }
    }
    return batch;
  }

  /** After the drain's transaction: settles its events and submits the next drain if needed. */
  private void drained(List<PendingEvent> result, RuntimeException failure) {
    List<PendingEvent> ended;
    lock.lock();
    try {
      // Without a result the commit failed (the drain's events with it), or the drain never ran
      // (the store is closed) and nothing queued can be stored now.
      ended = result != null ? result : inFlight != null ? inFlight : takeBatch();
      inFlight = null;
    } finally {
      lock.unlock();
    }
    for (PendingEvent pending : ended) {
      if (failure != null && pending.failure == null) {
        pending.failure = failure;
      }
      try {
        settled.accept(pending);
      } catch (RuntimeException e) {
        log.warn("Settling event {} failed", pending.event().sequence(), e);
      }
    }
    boolean again;
    lock.lock();
    try {
      ended.forEach(pending -> pending.done = true);
      written.signalAll();
      again = queuedCount > 0;
      draining = again;
    } finally {
      lock.unlock();
    }
    if (again) {
      submitDrain();
    }
  }

  /**
   * The next batch, fair between sessions: each session with queued events gets an equal share of
   * it (at least {@link #MIN_SHARE}), its oldest first, so a run that has just started is not
   * queued behind the thousands of tokens other runs have handed over. A session left with events
   * moves to the back.
   */
  private List<PendingEvent> takeBatch() {
    List<PendingEvent> batch = new ArrayList<>(Math.min(queuedCount, MAX_BATCH));
    while (queuedCount > 0 && batch.size() < MAX_BATCH) {
      int share = Math.max(MIN_SHARE, (MAX_BATCH - batch.size()) / queue.size());
      List<String> sessions = new ArrayList<>(queue.keySet());
      for (String sessionId : sessions) {
        ArrayDeque<PendingEvent> events = queue.remove(sessionId);
        for (int i = 0; i < share && !events.isEmpty() && batch.size() < MAX_BATCH; i++) {
          batch.add(events.poll());
          queuedCount--;
        }
        if (!events.isEmpty()) {
          queue.put(sessionId, events);
        }
      }
    }
    return batch;
  }
}
