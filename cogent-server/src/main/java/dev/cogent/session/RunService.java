package dev.cogent.session;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.scope.Scope;
import dev.cogent.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The runs of sessions: starting one (one live run per session: claimed in memory, enforced by the
 * database), moving it through its states, and ending it together with its terminal event.
 *
 * <p>Thread-safe; every state change is one transaction.
 */
public final class RunService {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  private final Database database;
  private final RunRepository repository;
  private final MessageRepository messages;
  private final EventLog events;
  private final SessionService sessions;
  private final InstantSource clock;

  public RunService(
      Database database,
      Json json,
      SessionService sessions,
      MessageService messages,
      EventLog events,
      InstantSource clock) {
    this.database = database;
    this.repository = new RunRepository(database, json);
    this.messages = messages.repository();
    this.events = events;
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * A run that was just started, with the message that started it.
   *
   * @param afterSequence the session's log position before the run's first event: a subscription
   *     from it sees the whole run, and the run's {@link RunLog} opens there ({@link
   *     EventLog#open})
   * @param stored completes once the run and its message are committed; completes exceptionally
   *     when they could not be (the run must then end without touching the store)
   */
  public record Started(
      Run run, Message userMessage, long afterSequence, CompletableFuture<Void> stored) {}

  /**
   * Starts a run for the user's message: the run holds the session's one live slot and is stored
   * running (never queued) together with the message, in one transaction.
   *
   * <p>The run may begin before that transaction commits: on SQLite it waits for the one writer,
   * which under load is most of a message's time to first token, so it is queued and {@link
   * Started#stored} tells when it is committed. Nothing is lost by not waiting. The writer commits
   * in order, so everything the run writes later (its events, its answer, its end) is committed
   * after its start; until then {@link SessionService#get}, through which every read of the session
   * goes, waits for it ({@link StartsInFlight}); and the slot is taken in memory first, so a second
   * message is refused at once. On PostgreSQL the transaction commits before this returns.
   *
   * @throws ApiException {@code SESSION_BUSY} when the session already has a live run, or one is
   *     starting
   */
  public Started start(Session session, String content, String parentId, String callbackUrl) {
    Instant now = now();
    String runId = UUID.randomUUID().toString();
    Message user =
        new Message(
            UUID.randomUUID().toString(),
            session.id(),
            MessageRole.USER,
            content,
            List.of(),
            null,
            parentId,
            null,
            null,
            now);
    CompletableFuture<Void> stored = new CompletableFuture<>();
    StartsInFlight starts = sessions.starts();
    if (!starts.claim(session.id(), stored)) {
      throw busy(session.id());
    }
    long after;
    try {
      if (repository.findActive(session.id()).isPresent()) {
        throw busy(session.id());
      }
      // No run is live, so the counter is the end of the log: the last run's end set it there.
      after = events.lastStored(session.id());
    } catch (RuntimeException e) {
      starts.release(session.id(), stored);
      stored.complete(null);
      throw e;
    }
    database.submit(
        handle -> {
          repository.insertActive(handle, runId, session.id(), user.id(), callbackUrl, now);
          messages.insert(handle, user, runId);
          // Fails if another run started here after all (another process, on PostgreSQL).
          events.reserveAfter(handle, session.id(), after);
          repository.startsAt(handle, runId, after + 1);
          return null;
        },
        (ignored, failure) -> {
          starts.release(session.id(), stored);
          if (failure == null) {
            stored.complete(null);
          } else {
            stored.completeExceptionally(failure);
          }
        });
    if (stored.isCompletedExceptionally()) {
      // Committed or refused on this thread (PostgreSQL), so the caller can still be answered.
      RuntimeException failure = failureOf(stored);
      if (database.dialect().isUniqueViolation(failure)
          || failure instanceof EventLog.LogMovedException) {
        throw busy(session.id());
      }
      throw failure;
    }
    Run run =
        new Run(
            runId,
            session.id(),
            RunStatus.RUNNING,
            now,
            now,
            null,
            user.id(),
            null,
            null,
            null,
            null);
    return new Started(run, user, after, stored);
  }

  /** The failure of a start that completed exceptionally. */
  private static RuntimeException failureOf(CompletableFuture<Void> stored) {
    try {
      stored.join();
      throw new IllegalStateException("the start did not fail");
    } catch (CompletionException e) {
      return e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * Ends a live run with its terminal event, in one transaction: the event is appended to the run's
   * log, the run gets its final status and frees the session. Nothing happens when the run already
   * ended.
   *
   * @return the appended terminal event, or empty when the run had already ended
   */
  public Optional<LoggedEvent> finish(
      RunLog log,
      RunStatus status,
      String eventType,
      Map<String, Object> payload,
      RunError error,
      String assistantMessageId) {
    if (!status.isFinal()) {
      throw new IllegalArgumentException("not a final status: " + status);
    }
    Instant now = now();
    try {
      LoggedEvent event =
          log.end(
              eventType,
              payload,
              (handle, appended) -> {
                if (!repository.finish(
                    handle,
                    log.runId(),
                    log.sessionId(),
                    status,
                    error,
                    assistantMessageId,
                    appended.sequence(),
                    now)) {
                  // Roll the event back: the run already has its one terminal event.
                  throw new AlreadyFinished();
                }
              });
      return Optional.of(event);
    } catch (AlreadyFinished e) {
      return Optional.empty();
    }
  }

  /** The session's live run (queued, running or waiting for approval), if any. */
  public Optional<Run> findActive(String sessionId) {
    return repository.findActive(sessionId);
  }

  /** The session's most recent run, if it has any. */
  public Optional<Run> findLatest(String sessionId) {
    return repository.findLatest(sessionId);
  }

  /** Runs left queued or running, for start-up recovery. */
  public List<Run> listInFlight() {
    return repository.listInFlight();
  }

  /** The callback URL the run's message gave, if any. */
  public Optional<String> callbackUrl(String runId) {
    return repository.callbackUrl(runId);
  }

  /**
   * @throws ApiException {@code SESSION_NOT_FOUND}
   */
  public RunPage list(String sessionId, Scope scope, int limit, int offset) {
    sessions.get(sessionId, scope);
    List<LoggedEvent> unstored = events.unstored(sessionId);
    return new RunPage(
        repository.list(sessionId, limit, offset).stream()
            .map(run -> withUnstored(run, unstored))
            .toList(),
        repository.count(sessionId));
  }

  /**
   * @throws ApiException {@code SESSION_NOT_FOUND}, or {@code NOT_FOUND} for an unknown run
   */
  public Run get(String sessionId, String runId, Scope scope) {
    sessions.get(sessionId, scope);
    List<LoggedEvent> unstored = events.unstored(sessionId);
    return repository
        .find(sessionId, runId)
        .map(run -> withUnstored(run, unstored))
        .orElseThrow(() -> ApiException.notFound("run", runId));
  }

  /**
   * A live run's range of events, counting those it published that are not committed yet (read
   * before the store, so that one committed in between is found there).
   */
  static Run withUnstored(Run run, List<LoggedEvent> unstored) {
    if (run.finishedAt() != null) {
      return run;
    }
    Long first = run.firstSequence();
    Long last = run.lastSequence();
    for (LoggedEvent event : unstored) {
      if (event.runId().equals(run.id())) {
        first = first == null ? event.sequence() : Math.min(first, event.sequence());
        last = last == null ? event.sequence() : Math.max(last, event.sequence());
      }
    }
    return new Run(
        run.id(),
        run.sessionId(),
        run.status(),
        run.createdAt(),
        run.updatedAt(),
        run.finishedAt(),
        run.userMessageId(),
        run.assistantMessageId(),
        first,
        last,
        run.error());
  }

  /**
   * The session's most recent run.
   *
   * @throws ApiException {@code SESSION_NOT_FOUND}, or {@code NOT_FOUND} when it has no run yet
   */
  public Run getLatest(String sessionId, Scope scope) {
    sessions.get(sessionId, scope);
    List<LoggedEvent> unstored = events.unstored(sessionId);
    return repository
        .findLatest(sessionId)
        .map(run -> withUnstored(run, unstored))
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.NOT_FOUND,
                    "Session " + sessionId + " has no run to re-attach to",
                    Map.of("resource", "run", "session_id", sessionId)));
  }

  /**
   * A page of the session's event log after {@code after}, in sequence order.
   *
   * @throws ApiException {@code SESSION_NOT_FOUND}
   */
  public EventPage events(String sessionId, Scope scope, long after, int limit) {
    sessions.get(sessionId, scope);
    List<LoggedEvent> page = events.readAfter(sessionId, after, limit + 1);
    boolean more = page.size() > limit;
    return new EventPage(more ? page.subList(0, limit) : page, more);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static ApiException busy(String sessionId) {
    return new ApiException(
        ErrorCode.SESSION_BUSY,
        "Session "
            + sessionId
            + " is busy: a run is in progress. Wait for its done/error event or POST"
            + " /sessions/"
            + sessionId
            + "/abort",
        Map.of("session_id", sessionId));
  }

  /** Thrown inside the finishing transaction to roll back a second terminal event. */
  private static final class AlreadyFinished extends RuntimeException {
    AlreadyFinished() {
      super(null, null, false, false);
    }
  }
}
