package dev.cogent.session;

import dev.cogent.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Durable pauses of runs that wait for a human (HITL). {@link #pause} ends the run's stream with
 * its {@code interrupt} event and stores the runtime's state in the same transaction; the run keeps
 * holding its session (status {@code waiting_for_approval}) until {@link #claim} moves it back to
 * {@code running} for its continuation, or it is finished (abort). Because the state is in the
 * database, a waiting run survives a restart of the server.
 *
 * <p>The state is opaque text (the runtime's JSON); this package does not interpret it.
 *
 * <p>Thread-safe; every change is one transaction.
 */
public final class RunCheckpoints {

  private final Database database;
  private final EventLog events;
  private final InstantSource clock;
  private final CheckpointRepository repository = new CheckpointRepository();

  public RunCheckpoints(Database database, EventLog events, InstantSource clock) {
    this.database = database;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Pauses a running run: appends its {@code interrupt} event, stores {@code state}, and makes the
   * run and its session {@code waiting_for_approval}, atomically.
   *
   * @return the appended event; empty (and nothing stored) when the run is no longer running
   */
  public Optional<LoggedEvent> pause(RunLog log, String state, Map<String, Object> interrupt) {
    Instant now = now();
    try {
      return Optional.of(
          log.end(
              "interrupt",
              interrupt,
              (handle, appended) -> {
                if (!repository.pause(handle, log.runId(), log.sessionId(), state, now)) {
                  throw new NotRunning();
                }
              }));
    } catch (NotRunning e) {
      return Optional.empty();
    }
  }

  /** The stored state of {@code runId}, while it waits for approval. */
  public Optional<String> find(String runId) {
    return database.withHandle(handle -> repository.find(handle, runId));
  }

  /**
   * Takes a waiting run back to {@code running} (its session too) and removes its checkpoint, so
   * that exactly one caller continues it.
   *
   * @return the session's last log sequence (the continuation's events come after it: open its
   *     {@link RunLog} there); empty when the run was not waiting (another resume or an abort came
   *     first)
   */
  public OptionalLong claim(String sessionId, String runId) {
    Instant now = now();
    return database.inTransaction(
        handle ->
            repository.claim(handle, runId, sessionId, now)
                ? OptionalLong.of(events.reserveAfterLast(handle, sessionId))
                : OptionalLong.empty());
  }

  /** Drops the checkpoint of a run that ended without being resumed (aborted). */
  public void discard(String runId) {
    database.useTransaction(handle -> repository.delete(handle, runId));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Thrown inside the pausing transaction to roll the event back. */
  private static final class NotRunning extends RuntimeException {
    NotRunning() {
      super(null, null, false, false);
    }
  }
}
