package dev.cogent.session;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of event appends on a store that serializes its writers (SQLite): while one thread
 * writes, the appends that arrive queue up, and the next write stores them in one transaction.
 * Without it every streamed token is a transaction of its own, and a thousand runs streaming at
 * once queue for the one write lock token by token.
 *
 * <p>An append either waits for its commit ({@link #append}) or only queues ({@link #enqueue}): a
 * run streaming tokens goes on producing while its earlier tokens are written, so one transaction
 * carries many tokens of each run (one counter update per session instead of one per token).
 *
 * <p>No thread of its own. A caller that finds no write in progress becomes the writer of what is
 * queued (at most {@link #MAX_BATCH} events a transaction, shared fairly between sessions), and
 * keeps writing while queued events have nobody waiting for them; when somebody waits, it hands
 * over after its batch. Each session's events are written and published strictly in the order they
 * were queued, so an event that is committed implies every event of its session queued before it is
 * committed. When a batch fails (a session deleted under its run), each of its events is retried
 * alone, so one bad append fails only its own caller.
 *
 * <p>Thread-safe.
 */
final class GroupCommit {

  /** Events of one transaction at most: bounds how long the events of a batch wait for it. */
  static final int MAX_BATCH = 2048;

  /**
   * Events a session may put in a batch at the least, when it has them: per session the batch pays
   * one counter update, one wake-up of its streams and one flush, so a token or two each would cost
   * more than the fairness is worth.
   */
  static final int MIN_SHARE = 16;

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /** One event to append. */
  record Append(
      String sessionId, String runId, String type, Map<String, Object> payload, Instant at) {}

  /**
   * Merges a newly queued event into the session's last queued one, or returns null when the two
   * must stay separate events.
   */
  interface Coalescing {
    Append merge(Append queued, Append next);
  }

  private final Function<List<Append>, List<LoggedEvent>> writeAll;
  private final Function<Append, LoggedEvent> writeOne;
  private final Consumer<LoggedEvent> publish;
  private final Coalescing coalescing;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();

  /** Queued events by session, each session's in the order given; sessions in arrival order. */
  private final LinkedHashMap<String, ArrayDeque<PendingEvent>> queue = new LinkedHashMap<>();

  private int queuedCount;
  private boolean writing;
  private int waiters;

  /**
   * @param writeAll stores appends in one transaction, returning their events in the same order
   * @param writeOne stores one append in a transaction of its own
   * @param publish hands a committed event to live subscribers
   * @param coalescing which queued events may be merged ({@link #enqueue})
   */
  GroupCommit(
      Function<List<Append>, List<LoggedEvent>> writeAll,
      Function<Append, LoggedEvent> writeOne,
      Consumer<LoggedEvent> publish,
      Coalescing coalescing) {
    this.writeAll = writeAll;
    this.writeOne = writeOne;
    this.publish = publish;
    this.coalescing = coalescing;
  }

  /**
   * Stores {@code append} (with others queued meanwhile) and returns once it is committed and
   * published.
   */
  LoggedEvent append(Append append) {
    return await(enqueue(append, false));
  }

  /**
   * Queues {@code append} and returns without waiting for a write in progress; when none is in
   * progress, this thread writes the queue (this event included) before it returns.
   *
   * <p>When {@code mergeable}, the session's last queued event was queued mergeable too and is
   * still waiting for a write, and {@link Coalescing} merges {@code append} into it, nothing new is
   * queued and that event is returned: a run that streams faster than the store commits sends
   * fewer, larger events instead of growing a backlog that every other run's events would wait
   * behind. A store that keeps up never sees a merge, because each event is taken by a write before
   * the next one arrives.
   */
  PendingEvent enqueue(Append append, boolean mergeable) {
    lock.lock();
    try {
      ArrayDeque<PendingEvent> events =
          queue.computeIfAbsent(append.sessionId(), id -> new ArrayDeque<>());
      PendingEvent last = events.peekLast();
      Append merged =
          mergeable && last != null && last.mergeable
              ? coalescing.merge(last.append, append)
              : null;
      if (merged != null) {
        last.append = merged;
        return last;
      }
      PendingEvent pending = new PendingEvent(this, append, mergeable);
      events.add(pending);
      queuedCount++;
      if (!writing) {
        writeQueue(null);
      }
      return pending;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code mine} is written, writing the queue itself when nobody else is. */
  LoggedEvent await(PendingEvent mine) {
    if (!mine.done) {
      lock.lock();
      try {
        while (!mine.done) {
          if (writing) {
            waiters++;
            try {
              written.awaitUninterruptibly();
            } finally {
              waiters--;
            }
          } else {
            writeQueue(mine);
          }
        }
      } finally {
        lock.unlock();
      }
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    if (mine.event == null) {
      throw new IllegalStateException("the event was not stored");
    }
    return mine.event;
  }

  /** Appends waiting for the next write (for tests). */
  int queued() {
    lock.lock();
    try {
      return queuedCount;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes batches as the writer, with the lock held on entry and exit (released while writing):
   * until {@code mine} (null for none) is written, then on while the queue holds events that nobody
   * waits for.
   */
  private void writeQueue(PendingEvent mine) {
    writing = true;
    try {
      do {
        List<PendingEvent> batch = takeBatch();
        lock.unlock();
        try {
          writeAsWriter(batch);
        } finally {
          lock.lock();
          batch.forEach(pending -> pending.done = true);
          written.signalAll();
        }
      } while (queuedCount > 0 && (waiters == 0 || (mine != null && !mine.done)));
    } finally {
      writing = false;
      written.signalAll();
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

  /**
   * Writes a batch on behalf of every caller in it; an interrupt of this thread (its own run was
   * aborted) must not fail the others' events, so it is set aside while writing.
   */
  private void writeAsWriter(List<PendingEvent> batch) {
    boolean interrupted = Thread.interrupted();
    try {
      write(batch);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void write(List<PendingEvent> batch) {
    try {
      List<LoggedEvent> events = writeAll.apply(batch.stream().map(p -> p.append).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).event = events.get(i);
      }
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).failure = e;
      } else {
        for (PendingEvent pending : batch) {
          try {
            pending.event = writeOne.apply(pending.append);
          } catch (RuntimeException one) {
            pending.failure = one;
          }
        }
      }
    }
    for (PendingEvent pending : batch) {
      if (pending.event != null) {
        try {
          publish.accept(pending.event);
        } catch (RuntimeException e) {
          log.warn("Publishing event {} failed", pending.event.sequence(), e);
        }
      }
    }
  }
}
