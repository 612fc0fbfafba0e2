package dev.cogent.session;

import dev.cogent.Json;
import dev.cogent.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The SQL of the {@code events} table and of the per-session sequence counter. */
final class EventRepository {

  private static final String COLUMNS = "session_id, sequence, run_id, type, payload, created_at";
  private static final String INSERT =
      "INSERT INTO events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";

  private final Database database;
  private final Json json;

  EventRepository(Database database, Json json) {
    this.database = database;
    this.json = json;
  }

  /**
   * Inserts events, their sequences already given, inside the caller's transaction, in one batch.
   * An event of a session that no longer exists fails the statement (the foreign key): roll back.
   *
   * <p>Plain JDBC rather than Jdbi's batch: this runs for every streamed token on the store's one
   * writer, and Jdbi's named binding allocated about a third of the whole server's garbage under
   * many streams (more frequent collections, each one a pause in every stream).
   */
  void insertAll(Handle handle, List<LoggedEvent> events) {
    try (PreparedStatement insert = handle.getConnection().prepareStatement(INSERT)) {
      for (LoggedEvent event : events) {
        insert.setString(1, event.sessionId());
        insert.setLong(2, event.sequence());
        insert.setString(3, event.runId());
        insert.setString(4, event.event());
        insert.setString(5, event.dataJson(json));
        insert.setLong(6, event.createdAt().toEpochMilli());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(
          "cannot insert " + events.size() + " events", e, null);
    }
  }

  /**
   * Raises each session's counter to at least the given sequence, in one batch: what a live run may
   * hand out before its next commit (see {@link EventLog}). A counter is never lowered here.
   */
  void reserve(Handle handle, Map<String, Long> throughBySession) {
    var update =
        handle.prepareBatch(
            "UPDATE sessions SET event_sequence = :through"
                + " WHERE id = :id AND event_sequence < :through");
    throughBySession.forEach(
        (sessionId, through) -> update.bind("through", through).bind("id", sessionId).add());
    update.execute();
  }

  /**
   * Moves the session's counter from exactly {@code from} to {@code through}; false if not there.
   */
  boolean reserveFrom(Handle handle, String sessionId, long from, long through) {
    return handle
            .createUpdate(
                "UPDATE sessions SET event_sequence = :through"
                    + " WHERE id = :id AND event_sequence = :from")
            .bind("through", through)
            .bind("id", sessionId)
            .bind("from", from)
            .execute()
        == 1;
  }

  /** Sets the session's counter to exactly {@code sequence}: its log ends there. */
  void endAt(Handle handle, String sessionId, long sequence) {
    handle
        .createUpdate("UPDATE sessions SET event_sequence = :sequence WHERE id = :id")
        .bind("sequence", sequence)
        .bind("id", sessionId)
        .execute();
  }

  /** The session's events with a sequence greater than {@code after}, at most {@code limit}. */
  List<LoggedEvent> listAfter(String sessionId, long after, int limit) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM events WHERE session_id = :session_id AND sequence > :after"
                        + " ORDER BY sequence LIMIT :limit")
                .bind("session_id", sessionId)
                .bind("after", after)
                .bind("limit", limit)
                .map(this::map)
                .list());
  }

  /**
   * The session's counter: the last sequence it handed out, or, while a run is live or after a
   * crash cut one off, the last it may have handed out; 0 before its first event.
   */
  long lastSequence(Handle handle, String sessionId) {
    return handle
        .createQuery("SELECT event_sequence FROM sessions WHERE id = :id")
        .bind("id", sessionId)
        .mapTo(Long.class)
        .findOne()
        .orElse(0L);
  }

  private LoggedEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
    String payload = rs.getString("payload");
    return new LoggedEvent(
        rs.getLong("sequence"),
        rs.getString("session_id"),
        rs.getString("run_id"),
        rs.getString("type"),
        json.readObject(payload),
        payload,
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
