package dev.cogent.session;

import java.time.Instant;
import java.util.ArrayList;
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
 * writes, the appends that arrive queue up, and the next writer stores all of them in one
 * transaction. Without it every streamed token is a transaction of its own, and a thousand runs
 * streaming at once queue for the one write lock token by token.
 *
 * <p>No thread of its own: the first caller that finds no write in progress becomes the writer of
 * everything queued, and the others wait until their event is stored. The writer publishes the
 * events of its batch in order, after the commit. When a batch fails (a session deleted under its
 * run), each of its events is retried alone, so one bad append fails only its own caller.
 *
 * <p>Thread-safe.
 */
final class GroupCommit {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /** One event to append. */
  record Append(
      String sessionId, String runId, String type, Map<String, Object> payload, Instant at) {}

  private static final class Pending {
    final Append append;
    LoggedEvent event;
    RuntimeException failure;
    boolean done;

    Pending(Append append) {
      this.append = append;
    }
  }

  private final Function<List<Append>, List<LoggedEvent>> writeAll;
  private final Function<Append, LoggedEvent> writeOne;
  private final Consumer<LoggedEvent> publish;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();
  private List<Pending> queue = new ArrayList<>();
  private boolean writing;

  /**
   * @param writeAll stores appends in one transaction, returning their events in the same order
   * @param writeOne stores one append in a transaction of its own
   * @param publish hands a committed event to live subscribers
   */
  GroupCommit(
      Function<List<Append>, List<LoggedEvent>> writeAll,
      Function<Append, LoggedEvent> writeOne,
      Consumer<LoggedEvent> publish) {
    this.writeAll = writeAll;
    this.writeOne = writeOne;
    this.publish = publish;
  }

  /**
   * Stores {@code append} (with others that arrive meanwhile) and returns once it is committed and
   * published.
   */
  LoggedEvent append(Append append) {
    Pending mine = new Pending(append);
    lock.lock();
    try {
      queue.add(mine);
      while (!mine.done) {
        if (writing) {
          written.awaitUninterruptibly();
          continue;
        }
        writing = true;
        List<Pending> batch = queue;
        queue = new ArrayList<>();
        lock.unlock();
        try {
          writeAsWriter(batch);
        } finally {
          lock.lock();
          batch.forEach(pending -> pending.done = true);
          writing = false;
          written.signalAll();
        }
      }
    } finally {
      lock.unlock();
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
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes a batch on behalf of every caller in it; an interrupt of this thread (its own run was
   * aborted) must not fail the others' events, so it is set aside while writing.
   */
  private void writeAsWriter(List<Pending> batch) {
    boolean interrupted = Thread.interrupted();
    try {
      write(batch);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void write(List<Pending> batch) {
    try {
      List<LoggedEvent> events = writeAll.apply(batch.stream().map(p -> p.append).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).event = events.get(i);
      }
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).failure = e;
      } else {
        for (Pending pending : batch) {
          try {
            pending.event = writeOne.apply(pending.append);
          } catch (RuntimeException one) {
            pending.failure = one;
          }
        }
      }
    }
    for (Pending pending : batch) {
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
