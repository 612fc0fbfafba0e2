package dev.cogent.memory;

import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of {@code memory_session_entries}. Thread-safe. */
public final class SessionEntryRepository {

  private static final String SELECT =
      "SELECT id, dataset_id, session_id, owner_id, text, bridged, created_at FROM"
          + " memory_session_entries";

  private final Database database;

  public SessionEntryRepository(Database database) {
    this.database = database;
  }

  void insert(SessionEntry entry) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO memory_session_entries (id, dataset_id, session_id, owner_id,"
                        + " text, bridged, created_at) VALUES (:id, :dataset, :session, :owner,"
                        + " :text, :bridged, :at)")
                .bind("id", entry.id())
                .bind("dataset", entry.datasetId())
                .bind("session", entry.sessionId())
                .bind("owner", entry.ownerId())
                .bind("text", entry.text())
                .bind("bridged", entry.bridged() ? 1 : 0)
                .bind("at", entry.createdAt().toEpochMilli())
                .execute());
  }

  /** The entries of a session in these datasets, oldest first. */
  public List<SessionEntry> listBySession(Collection<String> datasetIds, String sessionId) {
    if (datasetIds.isEmpty()) {
      return List.of();
    }
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    SELECT
                        + " WHERE dataset_id IN (<datasets>) AND session_id = :session ORDER BY"
                        + " created_at, id")
                .bindList("datasets", List.copyOf(datasetIds))
                .bind("session", sessionId)
                .map(SessionEntryRepository::map)
                .list());
  }

  List<SessionEntry> listUnbridged(String datasetId, Collection<String> sessionIds) {
    if (sessionIds.isEmpty()) {
      return List.of();
    }
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    SELECT
                        + " WHERE dataset_id = :dataset AND session_id IN (<sessions>) AND"
                        + " bridged = 0 ORDER BY created_at, id")
                .bind("dataset", datasetId)
                .bindList("sessions", List.copyOf(sessionIds))
                .map(SessionEntryRepository::map)
                .list());
  }

  void markBridged(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    database.useTransaction(
        handle ->
            handle
                .createUpdate("UPDATE memory_session_entries SET bridged = 1 WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .execute());
  }

  void deleteByDataset(String datasetId) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate("DELETE FROM memory_session_entries WHERE dataset_id = :dataset")
                .bind("dataset", datasetId)
                .execute());
  }

  private static SessionEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new SessionEntry(
        rs.getString("id"),
        rs.getString("dataset_id"),
        rs.getString("session_id"),
        rs.getString("owner_id"),
        rs.getString("text"),
        rs.getInt("bridged") != 0,
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
