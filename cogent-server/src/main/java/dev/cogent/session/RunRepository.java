package dev.cogent.session;

import dev.cogent.Json;
import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of the {@code runs} table, and of the session status a run changes. */
final class RunRepository {

  private static final String LIVE = "('queued', 'running', 'waiting_for_approval')";

  /**
   * The run's last event: its terminal one once it finished, the session's last stored one while it
   * is live (it holds the session's one active slot, so every event since its first is its own).
   * Not the session's counter: while a run is live that is reserved ahead ({@link EventLog}).
   * {@link RunService} adds a live run's events that are published and not yet stored.
   */
  private static final String LAST_EVENT =
      "COALESCE(r.last_sequence, CASE WHEN r.finished_at IS NULL THEN"
          + " (SELECT MAX(e.sequence) FROM events e WHERE e.session_id = r.session_id) END)";

  /** Both ends of the run's events are null until it has one. */
  private static final String COLUMNS =
      "r.id, r.session_id, r.status, r.created_at, r.updated_at, r.finished_at,"
          + " r.user_message_id, r.assistant_message_id, r.error,"
          + " CASE WHEN "
          + LAST_EVENT
          + " >= r.first_sequence THEN r.first_sequence END AS first_sequence,"
          + " CASE WHEN "
          + LAST_EVENT
          + " >= r.first_sequence THEN "
          + LAST_EVENT
          + " END AS last_sequence";

  private final Database database;
  private final Json json;

  RunRepository(Database database, Json json) {
    this.database = database;
    this.json = json;
  }

  /**
   * Inserts a running run that holds its session's one active slot and marks the session running.
   * Fails with a unique violation when the session already has a live run.
   */
  void insertActive(
      Handle handle,
      String id,
      String sessionId,
      String userMessageId,
      String callbackUrl,
      Instant now) {
    handle
        .createUpdate(
            "INSERT INTO runs (id, session_id, status, created_at, updated_at, user_message_id,"
                + " callback_url, active_session_id, ordinal) VALUES (:id, :session_id, 'running',"
                + " :now, :now, :user_message_id, :callback_url, :session_id, (SELECT"
                + " COALESCE(MAX(o.ordinal), 0) + 1 FROM runs o WHERE o.session_id = :session_id))")
        .bind("id", id)
        .bind("session_id", sessionId)
        .bind("now", now.toEpochMilli())
        .bind("user_message_id", userMessageId)
        .bind("callback_url", callbackUrl)
        .execute();
    handle
        .createUpdate("UPDATE sessions SET status = 'running' WHERE id = :id")
        .bind("id", sessionId)
        .execute();
  }

  /** Records the sequence of the run's first event, the next its session hands out. */
  void startsAt(Handle handle, String id, long firstSequence) {
    handle
        .createUpdate("UPDATE runs SET first_sequence = :first WHERE id = :id")
        .bind("first", firstSequence)
        .bind("id", id)
        .execute();
  }

  /**
   * Ends a live run: its final status, error and assistant message, its last event, frees the
   * session's active slot and makes the session active again. False if the run had already ended.
   *
   * @param lastSequence the sequence of its terminal event
   */
  boolean finish(
      Handle handle,
      String id,
      String sessionId,
      RunStatus status,
      RunError error,
      String assistantMessageId,
      long lastSequence,
      Instant now) {
    int rows =
        handle
            .createUpdate(
                "UPDATE runs SET status = :status, updated_at = :now, finished_at = :now, error ="
                    + " :error, assistant_message_id = :assistant_message_id, first_sequence ="
                    + " COALESCE(first_sequence, :last_sequence), last_sequence = :last_sequence,"
                    + " active_session_id = NULL WHERE id = :id AND status IN "
                    + LIVE)
            .bind("id", id)
            .bind("last_sequence", lastSequence)
            .bind("status", status.wireName())
            .bind("now", now.toEpochMilli())
            .bind("error", error == null ? null : json.write(error))
            .bind("assistant_message_id", assistantMessageId)
            .execute();
    if (rows == 0) {
      return false;
    }
    handle
        .createUpdate("UPDATE sessions SET status = 'active', updated_at = :now WHERE id = :id")
        .bind("id", sessionId)
        .bind("now", now.toEpochMilli())
        .execute();
    return true;
  }

  Optional<Run> find(String sessionId, String id) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM runs r WHERE r.session_id = :session_id AND r.id = :id")
                .bind("session_id", sessionId)
                .bind("id", id)
                .map(this::map)
                .findOne());
  }

  Optional<Run> findActive(String sessionId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM runs r WHERE r.active_session_id = :id")
                .bind("id", sessionId)
                .map(this::map)
                .findOne());
  }

  Optional<Run> findLatest(String sessionId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM runs r WHERE r.session_id = :id"
                        + " ORDER BY r.ordinal DESC LIMIT 1")
                .bind("id", sessionId)
                .map(this::map)
                .findOne());
  }

  List<Run> list(String sessionId, int limit, int offset) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM runs r WHERE r.session_id = :id"
                        + " ORDER BY r.ordinal DESC"
                        + " LIMIT :limit OFFSET :offset")
                .bind("id", sessionId)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(this::map)
                .list());
  }

  long count(String sessionId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT COUNT(*) FROM runs WHERE session_id = :id")
                .bind("id", sessionId)
                .mapTo(Long.class)
                .one());
  }

  /** Every run that is queued or running, in any session (for start-up recovery). */
  List<Run> listInFlight() {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM runs r WHERE r.status IN ('queued', 'running')"
                        + " ORDER BY r.created_at")
                .map(this::map)
                .list());
  }

  Optional<String> callbackUrl(String id) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT callback_url FROM runs WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne());
  }

  private Run map(ResultSet rs, StatementContext ctx) throws SQLException {
    String error = rs.getString("error");
    long finished = rs.getLong("finished_at");
    Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
    long first = rs.getLong("first_sequence");
    Long firstSequence = rs.wasNull() ? null : first;
    long last = rs.getLong("last_sequence");
    Long lastSequence = rs.wasNull() ? null : last;
    return new Run(
        rs.getString("id"),
        rs.getString("session_id"),
        RunStatus.fromWire(rs.getString("status")),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        finishedAt,
        rs.getString("user_message_id"),
        rs.getString("assistant_message_id"),
        firstSequence,
        lastSequence,
        error == null ? null : json.read(error, RunError.class));
  }
}
