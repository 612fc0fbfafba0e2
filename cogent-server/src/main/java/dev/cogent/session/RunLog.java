package dev.cogent.session;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one run appends to its session's log (from {@link EventLog#open} or {@link
 * EventLog#reopen}): its streamed events, published at once and committed in the background, and
 * then its one terminal event, committed before it is published. Close it once the run ended or
 * paused.
 *
 * <p>At most {@link EventLog#MAX_UNCOMMITTED} of its events are published and not yet known to be
 * committed; past that, {@link #append} waits for the oldest. Its terminal event is written only
 * after every earlier one is settled, so it is the run's last event in the log and a client that
 * has it can read everything before it from the store.
 *
 * <p>When the store lags ({@link #MERGE_AFTER} of the run's events wait for their commit), {@code
 * token} events are held back and go out joined as one, with the run's next event that finds the
 * store caught up (or before any other event, or when the run settles): an overloaded server sends
 * fewer, larger deltas instead of growing a backlog, and a client that joins the deltas sees the
 * same text. A server that keeps up never holds a token, least of all a run's first.
 *
 * <p>Thread-safe (a model may stream tokens from its own thread).
 */
public final class RunLog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RunLog.class);

  /**
   * Uncommitted events of the run from which its tokens are held back and joined: twice what the
   * group commit gathers of a session before it drains it, so a store that keeps up holds none.
   */
  static final int MERGE_AFTER = 32;

  private static final String TOKEN = "token";
  private static final String CONTENT = "content";

  private final EventLog events;
  private final SessionTail tail;
  private final String runId;
  private final ArrayDeque<PendingEvent> uncommitted = new ArrayDeque<>();

  /** The content of tokens held back while the store lags; null when none is. */
  private StringBuilder held;

  private boolean closed;

  RunLog(EventLog events, SessionTail tail, String runId) {
    this.events = events;
    this.tail = tail;
    this.runId = runId;
  }

  public String sessionId() {
    return tail.sessionId();
  }

  public String runId() {
    return runId;
  }

  /**
   * Appends a streamed event: it gets the session's next sequence and is published before this
   * returns; its commit follows. A {@code token} may be held back while the store lags (see the
   * class comment).
   *
   * @param payload the SSE {@code data} object
   * @return the published event; empty when a token was held back to go out with a later one
   * @throws RuntimeException what storing one of the run's earlier events failed with (its session
   *     was deleted, the store failed), or on PostgreSQL this one's
   */
  public synchronized Optional<LoggedEvent> append(String type, Map<String, Object> payload) {
    // Committed ones are dropped (a failure surfaces here); past the bound the run waits.
    while (!uncommitted.isEmpty()
        && (uncommitted.peekFirst().isDone() || uncommitted.size() >= EventLog.MAX_UNCOMMITTED)) {
      uncommitted.pollFirst().await();
    }
    boolean lagging = uncommitted.size() >= MERGE_AFTER;
    if (isToken(type, payload)) {
      String content = (String) payload.get(CONTENT);
      if (held == null && !lagging) {
        return Optional.of(publish(type, payload));
      }
      held = held == null ? new StringBuilder(content) : held.append(content);
      return lagging ? Optional.empty() : Optional.of(publishHeld());
    }
    if (held != null) {
      publishHeld();
    }
    return Optional.of(publish(type, payload));
  }

  private static boolean isToken(String type, Map<String, Object> payload) {
    return type.equals(TOKEN) && payload.size() == 1 && payload.get(CONTENT) instanceof String;
  }

  private LoggedEvent publishHeld() {
    String content = held.toString();
    held = null;
    return publish(TOKEN, Map.of(CONTENT, content));
  }

  private LoggedEvent publish(String type, Map<String, Object> payload) {
    LoggedEvent event = tail.publishNext(runId, type, payload, events.now(), events::offer);
    events.wake(event.sessionId());
    uncommitted.add(events.store(event));
    return event;
  }

  /**
   * Publishes any held-back tokens and waits until every event appended so far is settled; a failed
   * one is logged, not retried.
   */
  public synchronized void settle() {
    if (held != null) {
      try {
        publishHeld();
      } catch (RuntimeException e) {
        log.warn("Held-back tokens of run {} of session {} were lost", runId, tail.sessionId(), e);
      }
    }
    while (!uncommitted.isEmpty()) {
      PendingEvent pending = uncommitted.pollFirst();
      try {
        pending.await();
      } catch (RuntimeException e) {
        log.warn(
            "Event {} of run {} of session {} was not stored",
            pending.event().sequence(),
            runId,
            tail.sessionId(),
            e);
      }
    }
  }

  /**
   * Appends the run's terminal event after every earlier one is settled, and runs {@code
   * alsoInTransaction} in its transaction (to finish or pause the run); publishes it once both are
   * committed. The session's stored counter ends at its sequence.
   */
  synchronized LoggedEvent end(
      String type, Map<String, Object> payload, BiConsumer<Handle, LoggedEvent> alsoInTransaction) {
    settle();
    LoggedEvent event = tail.takeNext(runId, type, payload, events.now());
    try {
      return events.storeTerminal(event, alsoInTransaction);
    } catch (RuntimeException e) {
      tail.giveBack(event.sequence());
      throw e;
    }
  }

  /**
   * Ends a run whose start could not be stored with a terminal event that is only published: the
   * store has no run to end, but its stream must not wait for an end forever.
   */
  public synchronized LoggedEvent endUnstored(String type, Map<String, Object> payload) {
    settle();
    LoggedEvent event = tail.takeNext(runId, type, payload, events.now());
    events.publish(event);
    return event;
  }

  /** Settles what is on its way and lets go of the session's log. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      settle();
      events.detach(tail);
    }
  }
}
