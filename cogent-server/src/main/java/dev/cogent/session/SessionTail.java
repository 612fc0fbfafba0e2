package dev.cogent.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The live end of one session's log while a run appends to it: the next sequence to hand out, the
 * events published but not yet committed, and how far the stored counter is reserved ahead.
 *
 * <p>Thread-safe: sequences are taken and published under this object's monitor, so a session's
 * subscribers see its events in sequence order; the other state is concurrent, so a writer settling
 * events never waits for an appender.
 */
final class SessionTail {

  private final String sessionId;

  /** Guarded by this. */
  private long next;

  /** Guarded by the log's map of tails (its compute functions). */
  int holders;

  private final ConcurrentSkipListMap<Long, LoggedEvent> unstored = new ConcurrentSkipListMap<>();
  private final AtomicLong reservedThrough;

  SessionTail(String sessionId, long last, long reservedThrough) {
    this.sessionId = sessionId;
    this.next = last + 1;
    this.reservedThrough = new AtomicLong(reservedThrough);
  }

  String sessionId() {
    return sessionId;
  }

  /**
   * Takes the next sequence for an event, keeps the event as unstored and hands it to {@code
   * publish}, in that order and atomically with respect to the other appenders of the session.
   */
  synchronized LoggedEvent publishNext(
      String runId,
      String type,
      Map<String, Object> payload,
      Instant at,
      Consumer<LoggedEvent> publish) {
    LoggedEvent event = new LoggedEvent(next++, sessionId, runId, type, payload, at);
    unstored.put(event.sequence(), event);
    publish.accept(event);
    return event;
  }

  /** Takes the next sequence for an event that is published only once stored (a terminal one). */
  synchronized LoggedEvent takeNext(
      String runId, String type, Map<String, Object> payload, Instant at) {
    return new LoggedEvent(next++, sessionId, runId, type, payload, at);
  }

  /** Gives back the sequence of an event that was not stored, when nothing was taken after it. */
  synchronized void giveBack(long sequence) {
    if (next == sequence + 1) {
      next = sequence;
    }
  }

  /** Continues after {@code last} at least (a run that starts while the previous one detaches). */
  synchronized void continueAfter(long last) {
    next = Math.max(next, last + 1);
  }

  /** The published events after {@code after} that are not known to be stored, in order. */
  List<LoggedEvent> unstoredAfter(long after) {
    return List.copyOf(unstored.tailMap(after, false).values());
  }

  /** The event's write ended, stored or not: readers find it in the store or nowhere. */
  void settled(LoggedEvent event) {
    unstored.remove(event.sequence());
  }

  long reservedThrough() {
    return reservedThrough.get();
  }

  /** A write that reserved failed: the next write reserves again. */
  void forgetReservation() {
    reservedThrough.set(0);
  }

  /** The stored counter is now at least {@code sequence}. */
  void reserved(long sequence) {
    reservedThrough.accumulateAndGet(sequence, Math::max);
  }
}
