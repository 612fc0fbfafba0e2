package dev.cogent.session;

import dev.cogent.Json;
import dev.cogent.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only event log of every session. A run appends through its {@link RunLog}; {@link
 * #subscribe} replays from a sequence and follows live without gap or duplicate; {@link #readAfter}
 * pages through the log.
 *
 * <p><b>Published first, committed soon after.</b> A run's streamed events get their sequence in
 * memory and reach live subscribers at once; they are committed in the background (on SQLite in
 * group commits gathered by session, within {@link GroupCommit#MAX_WAIT}). Until then readers find
 * them here, so a client that saw an id can always replay from it. A run's terminal event ({@code
 * done}, {@code error}, {@code interrupt}) is different: it is written after every earlier event of
 * the run is committed, and published only once it is committed itself. A client that has the
 * terminal event can therefore rely on everything it announces (the stored message, the run's
 * status) being stored. Why not commit first: a token would wait for the store's next commit, and
 * under load that is most of the time to first token (docs/benchmarks.md).
 *
 * <p><b>Sequences after a crash.</b> A crash can lose events that were published and not yet
 * committed. Their sequences must never be handed out again, or a client holding one would miss
 * what comes after it. So while a run is live its session's stored counter is kept ahead of what
 * the run may have published ({@link #RESERVE}), and only its terminal event sets the counter to
 * the true end of the log. A run cut off by a crash is ended at start-up after the reserved
 * counter: its session's sequences then skip ahead, and never repeat.
 *
 * <p>Sequences are strictly increasing in each session, without gaps except after such a crash.
 * Publication is in-process; subscribers re-read whenever live events skip a sequence.
 *
 * <p>Thread-safe.
 */
public final class EventLog {

  private static final Logger log = LoggerFactory.getLogger(EventLog.class);

  /** Events a run may have published and not yet committed; past that its next append waits. */
  static final int MAX_UNCOMMITTED = 64;

  /**
   * How far ahead of its last committed event a live session's stored counter is kept. Appends
   * renew it when less than half is left, so it covers {@link #MAX_UNCOMMITTED} with room for two
   * runs appending to one session at once (an abort racing a resume).
   */
  static final long RESERVE = 1024;

  private final Database database;
  private final EventRepository repository;
  private final InstantSource clock;
  private final Map<String, Set<EventSubscription>> subscribers = new ConcurrentHashMap<>();
  private final Map<String, SessionTail> tails = new ConcurrentHashMap<>();

  /** Present where the store serializes writers (SQLite): events are committed in groups. */
  private final GroupCommit groupCommit;

  /**
   * @param timer runs the commits of events that waited for others (see {@link GroupCommit}); once
   *     it is shut down, events are committed at once
   */
  public EventLog(
      Database database, Json json, InstantSource clock, ScheduledExecutorService timer) {
    this.database = database;
    this.repository = new EventRepository(database, json);
    this.clock = clock;
    this.groupCommit =
        database.dialect().serializesWrites()
            ? new GroupCommit(
                (work, whenDone) -> database.submitInBackground(handle -> work.get(), whenDone),
                (delay, task) -> timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS),
                System::nanoTime,
                this::write,
                event -> write(List.of(event)),
                this::settled)
            : null;
  }

  /**
   * Commits the events still on their way, waiting at most {@code timeout}; call it before the
   * store closes. Events appended later are committed at once.
   */
  public void flush(Duration timeout) {
    if (groupCommit != null && !groupCommit.flush(timeout)) {
      log.warn("Some published events were not committed within {}", timeout);
    }
  }

  /**
   * Opens the log of a run that has just started or been claimed back from a pause, inside whose
   * transaction {@link #reserveAfterLast} returned {@code after}.
   */
  public RunLog open(String sessionId, String runId, long after) {
    return new RunLog(this, attach(sessionId, after, after + RESERVE), runId);
  }

  /**
   * Opens the log of a run that is not executing here (it waits for approval, or a crash cut it
   * off) to end it: its events continue after the session's stored counter.
   */
  public RunLog reopen(String sessionId, String runId) {
    long stored = lastStored(sessionId);
    return new RunLog(this, attach(sessionId, stored, stored), runId);
  }

  /**
   * The session's log position before a starting run's first event, read in the transaction that
   * makes the run live; the stored counter is moved {@link #RESERVE} ahead of it in the same
   * transaction.
   */
  long reserveAfterLast(Handle handle, String sessionId) {
    long last = repository.lastSequence(handle, sessionId);
    repository.reserve(handle, Map.of(sessionId, last + RESERVE));
    return last;
  }

  /**
   * The session's stored counter: the end of its log when no run is live (a run's terminal event
   * sets it there).
   */
  long lastStored(String sessionId) {
    return database.withHandle(handle -> repository.lastSequence(handle, sessionId));
  }

  /**
   * In the transaction that makes a run live, after its log position was read as {@code after}
   * ({@link #lastStored}): moves the stored counter {@link #RESERVE} ahead of it.
   *
   * @throws LogMovedException when the counter is no longer {@code after}: something else appended
   */
  void reserveAfter(Handle handle, String sessionId, long after) {
    if (!repository.reserveFrom(handle, sessionId, after, after + RESERVE)) {
      throw new LogMovedException(sessionId);
    }
  }

  /** The log of a session moved on between reading its position and starting a run there. */
  static final class LogMovedException extends RuntimeException {
    LogMovedException(String sessionId) {
      super("the event log of session " + sessionId + " moved on", null, false, false);
    }
  }

  /**
   * The events of a session after {@code after}, at most {@code limit}, in order: the stored ones
   * and those published but not yet committed.
   */
  public List<LoggedEvent> readAfter(String sessionId, long after, int limit) {
    // Unstored first, store second: an event committed in between is in the store by then.
    SessionTail tail = tails.get(sessionId);
    List<LoggedEvent> unstored = tail == null ? List.of() : tail.unstoredAfter(after);
    List<LoggedEvent> stored = repository.listAfter(sessionId, after, limit);
    if (unstored.isEmpty()) {
      return stored;
    }
    TreeMap<Long, LoggedEvent> merged = new TreeMap<>();
    stored.forEach(event -> merged.put(event.sequence(), event));
    unstored.forEach(event -> merged.putIfAbsent(event.sequence(), event));
    List<LoggedEvent> page = new ArrayList<>(Math.min(limit, merged.size()));
    for (LoggedEvent event : merged.values()) {
      if (page.size() == limit) {
        break;
      }
      page.add(event);
    }
    return page;
  }

  /** The session's events that are published and not yet committed, in order. */
  public List<LoggedEvent> unstored(String sessionId) {
    SessionTail tail = tails.get(sessionId);
    return tail == null ? List.of() : tail.unstoredAfter(0);
  }

  /**
   * Follows a session's log from {@code after} (exclusive): what is there first, then live events.
   * The caller closes the subscription.
   */
  public EventSubscription subscribe(String sessionId, long after) {
    EventSubscription[] holder = new EventSubscription[1];
    EventSubscription subscription =
        new EventSubscription(
            after,
            from -> readAfter(sessionId, from, EventSubscription.storePage()),
            () -> unregister(sessionId, holder[0]));
    holder[0] = subscription;
    // Register first, read second: an event published in between is seen at least once.
    subscribers.compute(
        sessionId,
        (id, set) -> {
          Set<EventSubscription> members = set == null ? new CopyOnWriteArraySet<>() : set;
          members.add(subscription);
          return members;
        });
    subscription.replay();
    return subscription;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Hands an event to the live subscribers of its session and wakes them. */
  void publish(LoggedEvent event) {
    offer(event);
    wake(event.sessionId());
  }

  /**
   * Hands an event to the live subscribers of its session without waking them: called in sequence
   * order, under the session's tail; {@link #wake} follows once that is let go.
   */
  void offer(LoggedEvent event) {
    Set<EventSubscription> set = subscribers.get(event.sessionId());
    if (set == null) {
      return;
    }
    for (EventSubscription subscription : set) {
      subscription.offer(event);
    }
  }

  /**
   * Tells the subscribers of a session that live events came. A subscriber that polls may write to
   * its client here, on the publishing thread: that is what lets a token reach its stream without
   * another thread's wake-up in between.
   */
  void wake(String sessionId) {
    Set<EventSubscription> set = subscribers.get(sessionId);
    if (set == null) {
      return;
    }
    for (EventSubscription subscription : set) {
      try {
        subscription.wake();
      } catch (RuntimeException e) {
        log.warn("A subscriber of session {} failed to take an event", sessionId, e);
      }
    }
  }

  /**
   * Stores a published event: on SQLite it joins the next group commit; on PostgreSQL it is stored
   * before this returns.
   */
  PendingEvent store(LoggedEvent event) {
    if (groupCommit != null) {
      return groupCommit.enqueue(event);
    }
    try {
      write(List.of(event));
      return PendingEvent.stored(event);
    } finally {
      tails.get(event.sessionId()).settled(event);
    }
  }

  /**
   * Stores a terminal event and runs {@code alsoInTransaction} in the same transaction, the
   * session's counter ending at the event; publishes it once committed.
   */
  LoggedEvent storeTerminal(LoggedEvent event, BiConsumer<Handle, LoggedEvent> alsoInTransaction) {
    database.useTransaction(
        handle -> {
          repository.insertAll(handle, List.of(event));
          repository.endAt(handle, event.sessionId(), event.sequence());
          alsoInTransaction.accept(handle, event);
        });
    publish(event);
    return event;
  }

  /** The tail of a session's log, shared by every run log open on it. */
  private SessionTail attach(String sessionId, long last, long reservedThrough) {
    return tails.compute(
        sessionId,
        (id, tail) -> {
          SessionTail attached = tail == null ? new SessionTail(id, last, reservedThrough) : tail;
          if (tail != null) {
            // The previous run's log is still closing; this run's start reserved the counter.
            attached.continueAfter(last);
            attached.reserved(reservedThrough);
          }
          attached.holders++;
          return attached;
        });
  }

  void detach(SessionTail tail) {
    tails.computeIfPresent(
        tail.sessionId(),
        (id, current) -> {
          if (current != tail) {
            return current;
          }
          current.holders--;
          return current.holders == 0 ? null : current;
        });
  }

  /**
   * Stores events in one transaction (on SQLite: a savepoint of the group commit's); for each
   * session whose reserve would run low, the stored counter is moved ahead in the same transaction.
   */
  private void write(List<LoggedEvent> events) {
    Map<String, Long> reserve = new HashMap<>();
    for (LoggedEvent event : events) {
      SessionTail tail = tails.get(event.sessionId());
      if (tail == null || event.sequence() + RESERVE / 2 > tail.reservedThrough()) {
        reserve.merge(event.sessionId(), event.sequence() + RESERVE, Math::max);
      }
    }
    database.useTransaction(
        handle -> {
          repository.insertAll(handle, events);
          if (!reserve.isEmpty()) {
            repository.reserve(handle, reserve);
          }
        });
    reserve.forEach(
        (sessionId, through) -> {
          SessionTail tail = tails.get(sessionId);
          if (tail != null) {
            tail.reserved(through);
          }
        });
  }

  private void settled(PendingEvent pending) {
    SessionTail tail = tails.get(pending.event().sessionId());
    if (tail != null) {
      if (pending.failed()) {
        // Its transaction may have carried a reservation that is not stored after all.
        tail.forgetReservation();
      }
      tail.settled(pending.event());
    }
  }

  private void unregister(String sessionId, EventSubscription subscription) {
    subscribers.computeIfPresent(
        sessionId,
        (id, set) -> {
          set.remove(subscription);
          return set.isEmpty() ? null : set;
        });
  }
}
