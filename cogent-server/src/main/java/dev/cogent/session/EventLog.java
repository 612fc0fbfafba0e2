package dev.cogent.session;

import dev.cogent.Json;
import dev.cogent.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only event log of every session. {@link #append} stores an event with the session's
 * next sequence (strictly increasing, no gaps) and then publishes it to live subscribers; {@link
 * #subscribe} replays from a sequence and follows live without gap or duplicate; {@link #readAfter}
 * pages through the stored log.
 *
 * <p>On SQLite, where writers queue for one lock, plain appends that arrive together are stored in
 * one transaction ({@link GroupCommit}); {@link #append} returns only once its event is committed,
 * {@link #appendLater} (a run's streamed events) does not wait for it. Either way an event is
 * published only after its commit, so every event a subscriber sees is durable. A run's {@code
 * token} events handed over with {@link #appendLater} while an earlier one of them still waits for
 * its write are merged into it (their {@code content} deltas joined): when runs stream faster than
 * the store commits, they send fewer, larger deltas instead of a backlog that every new run's first
 * event would queue behind.
 *
 * <p>Publication is in-process. Subscribers re-read the store whenever live events skip a sequence,
 * so another publisher (PostgreSQL LISTEN/NOTIFY across replicas) can feed {@link #publish} later
 * without changing readers.
 *
 * <p>Thread-safe.
 */
public final class EventLog {

  private static final Logger log = LoggerFactory.getLogger(EventLog.class);

  private static final String TOKEN = "token";
  private static final String CONTENT = "content";

  private final Database database;
  private final EventRepository repository;
  private final InstantSource clock;
  private final Map<String, Set<EventSubscription>> subscribers = new ConcurrentHashMap<>();

  /** Present where the store serializes writers (SQLite): plain appends are committed in groups. */
  private final GroupCommit groupCommit;

  public EventLog(Database database, Json json, InstantSource clock) {
    this.database = database;
    this.repository = new EventRepository(database, json);
    this.clock = clock;
    this.groupCommit =
        database.dialect().serializesWrites()
            ? new GroupCommit(
                appends -> database.inTransaction(handle -> repository.insertAll(handle, appends)),
                append ->
                    database.inTransaction(
                        handle -> repository.insertAll(handle, List.of(append)).get(0)),
                this::publish,
                EventLog::mergeTokens)
            : null;
  }

  /**
   * Two {@code token} events of the same run become one whose {@code content} is both deltas in
   * order: a client that joins the deltas sees the same text either way.
   */
  static GroupCommit.Append mergeTokens(GroupCommit.Append queued, GroupCommit.Append next) {
    boolean tokens =
        queued.type().equals(TOKEN)
            && next.type().equals(TOKEN)
            && queued.runId().equals(next.runId())
            && queued.payload().keySet().equals(Set.of(CONTENT))
            && next.payload().keySet().equals(Set.of(CONTENT))
            && queued.payload().get(CONTENT) instanceof String
            && next.payload().get(CONTENT) instanceof String;
    if (!tokens) {
      return null;
    }
    String content = (String) queued.payload().get(CONTENT) + next.payload().get(CONTENT);
    return new GroupCommit.Append(
        queued.sessionId(), queued.runId(), TOKEN, Map.of(CONTENT, content), queued.at());
  }

  /**
   * Appends an event of a run to its session's log and publishes it.
   *
   * @param payload the SSE {@code data} object
   */
  public LoggedEvent append(
      String sessionId, String runId, String type, Map<String, Object> payload) {
    if (groupCommit != null) {
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      return groupCommit.append(new GroupCommit.Append(sessionId, runId, type, payload, now));
    }
    return append(sessionId, runId, type, payload, (handle, event) -> {});
  }

  /**
   * Hands an event of a run to the log without waiting for its commit (SQLite: it joins the next
   * group commit; PostgreSQL: it is stored before this returns). A session's events appended this
   * way are committed and published in the order they were handed over; the caller waits with
   * {@link PendingEvent#await} before anything that must follow them in the log (a terminal event).
   * A {@code token} event may be merged into the run's previous one while that one still waits for
   * its write; the returned event is then that one.
   *
   * @param payload the SSE {@code data} object
   */
  public PendingEvent appendLater(
      String sessionId, String runId, String type, Map<String, Object> payload) {
    if (groupCommit != null) {
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      return groupCommit.enqueue(
          new GroupCommit.Append(sessionId, runId, type, payload, now), true);
    }
    return PendingEvent.stored(append(sessionId, runId, type, payload, (handle, event) -> {}));
  }

  /**
   * Appends an event and runs {@code alsoInTransaction} in the same transaction (for example to
   * finish the run the event ends), then publishes the event once both are committed.
   */
  LoggedEvent append(
      String sessionId,
      String runId,
      String type,
      Map<String, Object> payload,
      BiConsumer<Handle, LoggedEvent> alsoInTransaction) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    LoggedEvent event =
        database.inTransaction(
            handle -> {
              LoggedEvent inserted =
                  repository.insert(handle, sessionId, runId, type, payload, now);
              alsoInTransaction.accept(handle, inserted);
              return inserted;
            });
    publish(event);
    return event;
  }

  /** The stored events of a session after {@code after}, at most {@code limit}, in order. */
  public List<LoggedEvent> readAfter(String sessionId, long after, int limit) {
    return repository.listAfter(sessionId, after, limit);
  }

  /**
   * Follows a session's log from {@code after} (exclusive): stored events first, then live ones.
   * The caller closes the subscription.
   */
  public EventSubscription subscribe(String sessionId, long after) {
    EventSubscription[] holder = new EventSubscription[1];
    EventSubscription subscription =
        new EventSubscription(
            after,
            from -> repository.listAfter(sessionId, from, EventSubscription.storePage()),
            () -> unregister(sessionId, holder[0]));
    holder[0] = subscription;
    // Register first, read the store second: an event committed in between is seen at least once.
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

  /** Hands a committed event to the live subscribers of its session. */
  void publish(LoggedEvent event) {
    Set<EventSubscription> set = subscribers.get(event.sessionId());
    if (set == null) {
      return;
    }
    for (EventSubscription subscription : set) {
      try {
        subscription.offer(event);
      } catch (RuntimeException e) {
        log.warn("A subscriber of session {} failed to take an event", event.sessionId(), e);
      }
    }
  }

  /** The last sequence of the session's log as of this transaction; 0 before its first event. */
  long lastSequence(Handle handle, String sessionId) {
    return repository.lastSequence(handle, sessionId);
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
