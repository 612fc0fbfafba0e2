package dev.cogent.session;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of the {@code run_checkpoints} table, and of the run and session statuses that pausing
 * and resuming a run change (the {@code runs} and {@code sessions} rows are otherwise {@link
 * RunRepository}'s and {@link SessionRepository}'s).
 */
final class CheckpointRepository {

  /**
   * Moves a running run to {@code waiting_for_approval}, with its session, and stores its state.
   * False (and nothing changed) when the run is not running.
   */
  boolean pause(Handle handle, String runId, String sessionId, String state, Instant now) {
    int rows =
        handle
            .createUpdate(
                "UPDATE runs SET status = 'waiting_for_approval', updated_at = :now WHERE id = :id"
                    + " AND status = 'running'")
            .bind("id", runId)
            .bind("now", now.toEpochMilli())
            .execute();
    if (rows == 0) {
      return false;
    }
    handle
        .createUpdate(
            "UPDATE sessions SET status = 'waiting_for_approval', updated_at = :now WHERE id = :id")
        .bind("id", sessionId)
        .bind("now", now.toEpochMilli())
        .execute();
    handle
        .createUpdate("DELETE FROM run_checkpoints WHERE run_id = :id")
        .bind("id", runId)
        .execute();
    handle
        .createUpdate(
            "INSERT INTO run_checkpoints (run_id, session_id, state, created_at)"
                + " VALUES (:run_id, :session_id, :state, :now)")
        .bind("run_id", runId)
        .bind("session_id", sessionId)
        .bind("state", state)
        .bind("now", now.toEpochMilli())
        .execute();
    return true;
  }

  /**
   * Moves a waiting run back to {@code running}, with its session, and removes its checkpoint.
   * False (and nothing changed) when the run is not waiting.
   */
  boolean claim(Handle handle, String runId, String sessionId, Instant now) {
    int rows =
        handle
            .createUpdate(
                "UPDATE runs SET status = 'running', updated_at = :now WHERE id = :id"
                    + " AND status = 'waiting_for_approval'")
            .bind("id", runId)
            .bind("now", now.toEpochMilli())
            .execute();
    if (rows == 0) {
      return false;
    }
    handle
        .createUpdate("UPDATE sessions SET status = 'running', updated_at = :now WHERE id = :id")
        .bind("id", sessionId)
        .bind("now", now.toEpochMilli())
        .execute();
    delete(handle, runId);
    return true;
  }

  /** The stored state of a run that waits for approval. */
  Optional<String> find(Handle handle, String runId) {
    return handle
        .createQuery(
            "SELECT c.state FROM run_checkpoints c JOIN runs r ON r.id = c.run_id"
                + " WHERE c.run_id = :id AND r.status = 'waiting_for_approval'")
        .bind("id", runId)
        .mapTo(String.class)
        .findOne();
  }

  void delete(Handle handle, String runId) {
    handle
        .createUpdate("DELETE FROM run_checkpoints WHERE run_id = :id")
        .bind("id", runId)
        .execute();
  }
}
