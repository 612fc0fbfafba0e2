package dev.cogent.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of events on a store that serializes its writers (SQLite): events queue up, and a
 * drain stores many of them in one transaction. Without it every streamed token is a transaction of
 * its own, and a thousand runs streaming at once queue for the one write lock token by token.
 *
 * <p>The events already carry their sequences and were published (see {@link EventLog}); this only
 * makes them durable, in the background: {@link #enqueue} returns at once, and no appending thread
 * ever writes. Drains run on the store's writer ({@link Writer}), one at a time; each takes at most
 * {@link #MAX_BATCH} events, shared fairly between the sessions it takes.
 *
 * <p><b>Gathered by session.</b> A commit writes every page it changed, and the log's index keeps a
 * session's events together: a drain holding one token from each of two hundred sessions writes two
 * hundred index pages, one holding sixteen from each of twelve writes twelve. So a session's events
 * wait until {@link #GATHER} of them are queued, or until the oldest has waited {@link #MAX_WAIT}.
 * Nobody waits for that: the events are published already, and readers find them in the session's
 * tail until they are stored. Whoever does wait for a commit ({@link PendingEvent#await}: a run
 * writing its terminal event, or one past its bound of uncommitted events) has its session drained
 * at once.
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

  /** Queued events that make a session's drain worth its pages. */
  static final int GATHER = 16;

  /**
   * How long a session's event waits for others at most: the time a crash may find it published and
   * not stored.
   */
  static final Duration MAX_WAIT = Duration.ofMillis(200);

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

  /** Runs a task later (a drain of events that waited long enough). */
  interface Timer {
    /**
     * @throws RejectedExecutionException when it runs no more tasks (the server is stopping)
     */
    void schedule(Duration delay, Runnable task);
  }

  /** The events one session has queued. */
  private static final class SessionQueue {
    final ArrayDeque<PendingEvent> events = new ArrayDeque<>();

    /** Whether somebody waits for one of its events: drain it at once. */
    boolean urgent;
  }

  /** What to do once the lock is released. */
  private enum Next {
    NOTHING,
    DRAIN,
    SET_TIMER
  }

  private final Writer writer;
  private final Timer timer;
  private final LongSupplier nanoTime;
  private final Consumer<List<LoggedEvent>> writeAll;
  private final Consumer<LoggedEvent> writeOne;
  private final Consumer<PendingEvent> settled;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();

  /** Queued events by session, each session's in the order given; sessions in arrival order. */
  private final LinkedHashMap<String, SessionQueue> queue = new LinkedHashMap<>();

  private int queuedCount;

  /** Whether a drain is submitted and not yet done. */
  private boolean draining;

  /** Whether a timer is set, due no later than the oldest queued event's wait ends. */
  private boolean timerSet;

  /** The delay of the timer to set, decided with {@link #timerSet} by the thread that sets it. */
  private long timerDelayNanos;

  /** Set once the timer refused a task: from then on every queued event is drained at once. */
  private boolean eager;

  /** What the drain in progress took (one drain at a time); null before it ran. */
  private List<PendingEvent> inFlight;

  /**
   * @param writer runs the drains
   * @param timer runs the drains of events that waited {@link #MAX_WAIT}
   * @param nanoTime the monotonic clock the waits are measured on
   * @param writeAll stores events, inside the drain's transaction (all or none of them)
   * @param writeOne stores one event, inside the drain's transaction
   * @param settled told of each event once its transaction ended, stored or failed, before its
   *     waiters
   */
  GroupCommit(
      Writer writer,
      Timer timer,
      LongSupplier nanoTime,
      Consumer<List<LoggedEvent>> writeAll,
      Consumer<LoggedEvent> writeOne,
      Consumer<PendingEvent> settled) {
    this.writer = writer;
    this.timer = timer;
    this.nanoTime = nanoTime;
    this.writeAll = writeAll;
    this.writeOne = writeOne;
    this.settled = settled;
  }

  /** Queues {@code event} for a later drain and returns at once. */
  PendingEvent enqueue(LoggedEvent event) {
    long now = nanoTime.getAsLong();
    PendingEvent pending = new PendingEvent(this, event, now);
    Next next;
    lock.lock();
    try {
      SessionQueue session = queue.computeIfAbsent(event.sessionId(), id -> new SessionQueue());
      session.events.add(pending);
      queuedCount++;
      next = draining ? Next.NOTHING : isReady(session, now) ? startDrain() : setTimer(now);
    } finally {
      lock.unlock();
    }
    act(next);
    return pending;
  }

  /** Waits until {@code mine} is committed or failed; its session is drained at once. */
  LoggedEvent await(PendingEvent mine) {
    if (!mine.done) {
      Next next = Next.NOTHING;
      lock.lock();
      try {
        SessionQueue session = queue.get(mine.event().sessionId());
        if (!mine.done && session != null) {
          session.urgent = true;
          next = draining ? Next.NOTHING : startDrain();
        }
      } finally {
        lock.unlock();
      }
      act(next);
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

  /**
   * Commits everything queued, at once, and waits for it, at most {@code timeout}; every event
   * queued later is drained at once too (the store is about to close).
   *
   * @return whether nothing is left queued or in flight
   */
  boolean flush(Duration timeout) {
    Next next;
    lock.lock();
    try {
      eager = true;
      next = draining || queuedCount == 0 ? Next.NOTHING : startDrain();
    } finally {
      lock.unlock();
    }
    act(next);
    long deadline = nanoTime.getAsLong() + timeout.toNanos();
    lock.lock();
    try {
      while (draining || queuedCount > 0) {
        long left = deadline - nanoTime.getAsLong();
        if (left <= 0) {
          return false;
        }
        written.awaitNanos(left);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
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

  private Next startDrain() {
    draining = true;
    return Next.DRAIN;
  }

  /** Decides to set the timer, for the end of the oldest queued event's wait, unless one is set. */
  private Next setTimer(long now) {
    if (timerSet || queuedCount == 0) {
      return Next.NOTHING;
    }
    timerSet = true;
    timerDelayNanos = Math.max(0, oldestQueuedAt() + MAX_WAIT.toNanos() - now);
    return Next.SET_TIMER;
  }

  private void act(Next next) {
    switch (next) {
      case DRAIN -> writer.submit(this::drain, this::drained);
      case SET_TIMER -> schedule();
      case NOTHING -> {}
    }
  }

  private void schedule() {
    try {
      timer.schedule(Duration.ofNanos(timerDelayNanos), this::timerFired);
    } catch (RejectedExecutionException e) {
      Next next;
      lock.lock();
      try {
        timerSet = false;
        eager = true;
        next = draining ? Next.NOTHING : startDrain();
      } finally {
        lock.unlock();
      }
      act(next);
    }
  }

  private void timerFired() {
    long now = nanoTime.getAsLong();
    Next next;
    lock.lock();
    try {
      timerSet = false;
      // A drain in progress looks at what is due when it is done.
      next = draining ? Next.NOTHING : anyReady(now) ? startDrain() : setTimer(now);
    } finally {
      lock.unlock();
    }
    act(next);
  }

  private boolean isReady(SessionQueue session, long now) {
    return eager
        || session.urgent
        || session.events.size() >= GATHER
        || now - session.events.peekFirst().queuedAt >= MAX_WAIT.toNanos();
  }

  private boolean anyReady(long now) {
    for (SessionQueue session : queue.values()) {
      if (isReady(session, now)) {
        return true;
      }
    }
    return false;
  }

  private long oldestQueuedAt() {
    long oldest = Long.MAX_VALUE;
    for (SessionQueue session : queue.values()) {
      oldest = Math.min(oldest, session.events.peekFirst().queuedAt);
    }
    return oldest;
  }

  /** In the writer's transaction: takes a batch and writes it, each event alone if it must. */
  private List<PendingEvent> drain() {
    List<PendingEvent> batch;
    lock.lock();
    try {
      batch = takeBatch(nanoTime.getAsLong());
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
      // Without a result the commit failed (the drain's events with it), or the drain never ran:
      // the store is closed, nothing queued can be stored now, and nothing is worth waiting for.
      if (result == null && inFlight == null) {
        eager = true;
      }
      ended = result != null ? result : inFlight != null ? inFlight : takeBatch(0);
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
    long now = nanoTime.getAsLong();
    Next next;
    lock.lock();
    try {
      ended.forEach(pending -> pending.done = true);
      written.signalAll();
      draining = false;
      next = anyReady(now) ? startDrain() : setTimer(now);
    } finally {
      lock.unlock();
    }
    act(next);
  }

  /**
   * The next batch, of the sessions that are ready (see the class comment), fair between them: each
   * gets an equal share of it (at least {@link #MIN_SHARE}), its oldest events first, so a run that
   * has just started is not queued behind the thousands of tokens other runs have handed over. A
   * session left with events moves to the back.
   */
  private List<PendingEvent> takeBatch(long now) {
    List<PendingEvent> batch = new ArrayList<>(Math.min(queuedCount, MAX_BATCH));
    List<String> ready = new ArrayList<>();
    for (Map.Entry<String, SessionQueue> session : queue.entrySet()) {
      if (isReady(session.getValue(), now)) {
        ready.add(session.getKey());
      }
    }
    while (!ready.isEmpty() && batch.size() < MAX_BATCH) {
      int share = Math.max(MIN_SHARE, (MAX_BATCH - batch.size()) / ready.size());
      List<String> stillReady = new ArrayList<>();
      for (String sessionId : ready) {
        SessionQueue session = queue.remove(sessionId);
        for (int i = 0; i < share && !session.events.isEmpty() && batch.size() < MAX_BATCH; i++) {
          batch.add(session.events.poll());
          queuedCount--;
        }
        if (!session.events.isEmpty()) {
          queue.put(sessionId, session);
          stillReady.add(sessionId);
        }
      }
      ready = stillReady;
    }
    return batch;
  }
}
