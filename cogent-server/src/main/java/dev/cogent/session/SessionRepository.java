package dev.cogent.session;

import dev.cogent.Json;
import dev.cogent.scope.Scope;
import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of the {@code sessions} and {@code session_metadata} tables. */
final class SessionRepository {

  private static final String COLUMNS =
      "id, scope, title, thread_id, status, agent_name, metadata, config, message_count,"
          + " created_at, updated_at";

  private final Database database;
  private final Json json;

  SessionRepository(Database database, Json json) {
    this.database = database;
    this.json = json;
  }

  void insert(Session session, Scope scope) {
    database.useTransaction(
        handle -> {
          handle
              .createUpdate(
                  "INSERT INTO sessions ("
                      + COLUMNS
                      + ") VALUES (:id, :scope, :title, :thread_id,"
                      + " :status, :agent_name, :metadata, :config, :message_count, :created_at,"
                      + " :updated_at)")
              .bindMap(row(session, scope))
              .execute();
          insertMetadata(handle, session);
        });
  }

  /** Writes every mutable field of the session; false when it no longer exists in the scope. */
  boolean update(Session session, Scope scope) {
    return database.inTransaction(
        handle -> {
          int rows =
              handle
                  .createUpdate(
                      "UPDATE sessions SET title = :title, status = :status, agent_name ="
                          + " :agent_name, metadata = :metadata, config = :config, updated_at ="
                          + " :updated_at WHERE id = :id AND scope = :scope")
                  .bindMap(row(session, scope))
                  .execute();
          if (rows == 0) {
            return false;
          }
          handle
              .createUpdate("DELETE FROM session_metadata WHERE session_id = :id")
              .bind("id", session.id())
              .execute();
          insertMetadata(handle, session);
          return true;
        });
  }

  boolean delete(String id, Scope scope) {
    return database.inTransaction(
            handle ->
                handle
                    .createUpdate("DELETE FROM sessions WHERE id = :id AND scope = :scope")
                    .bind("id", id)
                    .bind("scope", scope.canonical())
                    .execute())
        > 0;
  }

  Optional<Session> find(String id, Scope scope) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT " + COLUMNS + " FROM sessions WHERE id = :id AND scope = :scope")
                .bind("id", id)
                .bind("scope", scope.canonical())
                .map(this::map)
                .findOne());
  }

  SessionPage list(SessionQuery query) {
    StringBuilder where = new StringBuilder(" FROM sessions s WHERE s.scope = :scope");
    Map<String, Object> params = new HashMap<>();
    params.put("scope", query.scope().canonical());
    int i = 0;
    for (var entry : query.metadata().entrySet()) {
      where
          .append(" AND EXISTS (SELECT 1 FROM session_metadata m WHERE m.session_id = s.id")
          .append(" AND m.meta_key = :k")
          .append(i)
          .append(" AND m.meta_value = :v")
          .append(i)
          .append(")");
      params.put("k" + i, entry.getKey());
      params.put("v" + i, entry.getValue());
      i++;
    }
    return database.withHandle(
        handle -> {
          long total =
              bind(handle.createQuery("SELECT COUNT(*)" + where), params).mapTo(Long.class).one();
          List<Session> sessions =
              bind(
                      handle.createQuery(
                          "SELECT "
                              + COLUMNS
                              + where
                              + " ORDER BY s.created_at DESC, s.id DESC LIMIT :limit OFFSET"
                              + " :offset"),
                      params)
                  .bind("limit", query.limit())
                  .bind("offset", query.offset())
                  .map(this::map)
                  .list();
          return new SessionPage(sessions, total, query.limit(), query.offset());
        });
  }

  /** How many sessions have a run in progress. */
  int countWithActiveRun() {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT COUNT(DISTINCT session_id) FROM runs WHERE status = 'running'")
                .mapTo(Integer.class)
                .one());
  }

  private static Query bind(Query query, Map<String, Object> params) {
    params.forEach(query::bind);
    return query;
  }

  private void insertMetadata(Handle handle, Session session) {
    if (session.metadata().isEmpty()) {
      return;
    }
    var batch =
        handle.prepareBatch(
            "INSERT INTO session_metadata (session_id, meta_key, meta_value)"
                + " VALUES (:session_id, :key, :value)");
    session
        .metadata()
        .forEach(
            (key, value) ->
                batch.bind("session_id", session.id()).bind("key", key).bind("value", value).add());
    batch.execute();
  }

  private Map<String, Object> row(Session session, Scope scope) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", session.id());
    row.put("scope", scope.canonical());
    row.put("title", session.title());
    row.put("thread_id", session.threadId());
    row.put("status", session.status().wireName());
    row.put("agent_name", session.agentName());
    row.put("metadata", json.write(session.metadata()));
    row.put("config", session.config() == null ? null : json.write(session.config()));
    row.put("message_count", session.messageCount());
    row.put("created_at", session.createdAt().toEpochMilli());
    row.put("updated_at", session.updatedAt().toEpochMilli());
    return row;
  }

  private Session map(ResultSet rs, StatementContext ctx) throws SQLException {
    String config = rs.getString("config");
    return new Session(
        rs.getString("id"),
        rs.getString("title"),
        rs.getString("thread_id"),
        SessionStatus.fromWire(rs.getString("status")),
        rs.getString("agent_name"),
        json.readStrings(rs.getString("metadata")),
        config == null ? null : json.read(config, SessionConfig.class),
        Scope.fromCanonical(rs.getString("scope")).values(),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        rs.getInt("message_count"));
  }
}
