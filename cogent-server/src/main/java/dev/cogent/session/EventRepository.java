package dev.cogent.session;

import dev.cogent.Json;
import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of the {@code events} table and of the per-session sequence counter. */
final class EventRepository {

  private static final String COLUMNS = "session_id, sequence, run_id, type, payload, created_at";

  private final Database database;
  private final Json json;

  EventRepository(Database database, Json json) {
    this.database = database;
    this.json = json;
  }

  /**
   * Inserts an event with the session's next sequence, inside the caller's transaction. The counter
   * update takes the session row's lock (PostgreSQL) so concurrent appenders get consecutive
   * sequences in commit order.
   */
  LoggedEvent insert(
      Handle handle,
      String sessionId,
      String runId,
      String type,
      Map<String, Object> payload,
      Instant now) {
    long sequence = takeSequences(handle, sessionId, 1);
    handle
        .createUpdate(
            "INSERT INTO events ("
                + COLUMNS
                + ") VALUES (:session_id, :sequence, :run_id, :type, :payload, :created_at)")
        .bind("session_id", sessionId)
        .bind("sequence", sequence)
        .bind("run_id", runId)
        .bind("type", type)
        .bind("payload", json.write(payload))
        .bind("created_at", now.toEpochMilli())
        .execute();
    return new LoggedEvent(sequence, sessionId, runId, type, payload, now);
  }

  /**
   * Inserts appends in order inside the caller's transaction, taking each session's sequences in
   * one counter update; the events come back in the order of {@code appends}.
   *
   * @throws IllegalStateException when a session does not exist (nothing is kept: roll back)
   */
  List<LoggedEvent> insertAll(Handle handle, List<GroupCommit.Append> appends) {
    Map<String, Integer> perSession = new java.util.LinkedHashMap<>();
    appends.forEach(append -> perSession.merge(append.sessionId(), 1, Integer::sum));
    Map<String, Long> next =
        database.dialect().serializesWrites() && perSession.size() > 1
            ? takeSequencesOfOneWriter(handle, perSession)
            : takeSequencesEach(handle, perSession);
    List<LoggedEvent> events = new java.util.ArrayList<>(appends.size());
    var batch =
        handle.prepareBatch(
            "INSERT INTO events ("
                + COLUMNS
                + ") VALUES (:session_id, :sequence, :run_id, :type, :payload, :created_at)");
    for (GroupCommit.Append append : appends) {
      long sequence = next.merge(append.sessionId(), 1L, Long::sum) - 1;
      batch
          .bind("session_id", append.sessionId())
          .bind("sequence", sequence)
          .bind("run_id", append.runId())
          .bind("type", append.type())
          .bind("payload", json.write(append.payload()))
          .bind("created_at", append.at().toEpochMilli())
          .add();
      events.add(
          new LoggedEvent(
              sequence,
              append.sessionId(),
              append.runId(),
              append.type(),
              append.payload(),
              append.at()));
    }
    batch.execute();
    return events;
  }

  /** The first sequence each session takes, from one counter update a session. */
  private static Map<String, Long> takeSequencesEach(Handle handle, Map<String, Integer> counts) {
    Map<String, Long> first = new java.util.HashMap<>();
    for (Map.Entry<String, Integer> session : counts.entrySet()) {
      long last = takeSequences(handle, session.getKey(), session.getValue());
      first.put(session.getKey(), last - session.getValue() + 1);
    }
    return first;
  }

  /**
   * The first sequence each session takes, from one read of all their counters and one batch of
   * updates: a group commit holds a few events of each of hundreds of sessions, and a statement
   * prepared and run per session was most of its cost. Reading before writing is only right where
   * nobody else writes in between, so only where the store serializes its writers (SQLite).
   */
  private static Map<String, Long> takeSequencesOfOneWriter(
      Handle handle, Map<String, Integer> counts) {
    Map<String, Long> current =
        handle
            .createQuery("SELECT id, event_sequence FROM sessions WHERE id IN (<ids>)")
            .bindList("ids", List.copyOf(counts.keySet()))
            .reduceRows(
                new java.util.HashMap<String, Long>(),
                (map, row) -> {
                  map.put(
                      row.getColumn("id", String.class),
                      row.getColumn("event_sequence", Long.class));
                  return map;
                });
    Map<String, Long> first = new java.util.HashMap<>();
    var update = handle.prepareBatch("UPDATE sessions SET event_sequence = :last WHERE id = :id");
    for (Map.Entry<String, Integer> session : counts.entrySet()) {
      Long last = current.get(session.getKey());
      if (last == null) {
        throw new IllegalStateException("no session " + session.getKey() + " to append events to");
      }
      first.put(session.getKey(), last + 1);
      update.bind("last", last + session.getValue()).bind("id", session.getKey()).add();
    }
    update.execute();
    return first;
  }

  /**
   * Advances the session's counter by {@code count} and returns its new value, the last of the
   * sequences taken, in one statement.
   *
   * @throws IllegalStateException when the session does not exist
   */
  private static long takeSequences(Handle handle, String sessionId, int count) {
    return handle
        .createQuery(
            "UPDATE sessions SET event_sequence = event_sequence + :count WHERE id = :id"
                + " RETURNING event_sequence")
        .bind("count", count)
        .bind("id", sessionId)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(
            () -> new IllegalStateException("no session " + sessionId + " to append events to"));
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

  /** The last sequence handed out in the session; 0 before its first event. */
  long lastSequence(Handle handle, String sessionId) {
    return handle
        .createQuery("SELECT event_sequence FROM sessions WHERE id = :id")
        .bind("id", sessionId)
        .mapTo(Long.class)
        .findOne()
        .orElse(0L);
  }

  private LoggedEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new LoggedEvent(
        rs.getLong("sequence"),
        rs.getString("session_id"),
        rs.getString("run_id"),
        rs.getString("type"),
        json.readObject(rs.getString("payload")),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
