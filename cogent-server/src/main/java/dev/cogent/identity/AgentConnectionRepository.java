package dev.cogent.identity;

import dev.cogent.Json;
import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/** The SQL of the {@code agent_connections} table. */
final class AgentConnectionRepository {

  private static final String COLUMNS =
      "id, user_id, owner_id, tenant_id, agent_session_name, type, memory_mode, session_id,"
          + " dataset_ids, dataset_names, source, origin_function, metadata, status, created_at,"
          + " last_active_at";

  private final Database database;
  private final Json json;

  AgentConnectionRepository(Database database, Json json) {
    this.database = database;
    this.json = json;
  }

  /** A connection row: the connection and the user it counts for (its owner). */
  record Stored(
      AgentConnection connection,
      String ownerId,
      List<String> datasetIds,
      List<String> datasetNames) {}

  /**
   * Inserts the connection, or replaces every field but its creation time when it exists; one
   * transaction.
   */
  void upsert(Stored stored) {
    AgentConnection c = stored.connection();
    database.useTransaction(
        handle -> {
          int updated =
              handle
                  .createUpdate(
                      "UPDATE agent_connections SET type = :type, memory_mode = :memory_mode,"
                          + " session_id = :session_id, dataset_ids = :dataset_ids, dataset_names"
                          + " = :dataset_names, source = :source, origin_function ="
                          + " :origin_function, metadata = :metadata, status = :status,"
                          + " tenant_id = :tenant_id, last_active_at = :last_active_at WHERE id ="
                          + " :id")
                  .bindMap(values(stored))
                  .execute();
          if (updated == 0) {
            handle
                .createUpdate(
                    "INSERT INTO agent_connections ("
                        + COLUMNS
                        + ") VALUES (:id, :user_id, :owner_id, :tenant_id, :agent_session_name,"
                        + " :type, :memory_mode, :session_id, :dataset_ids, :dataset_names,"
                        + " :source, :origin_function, :metadata, :status, :created_at,"
                        + " :last_active_at)")
                .bindMap(values(stored))
                .execute();
          }
        });
  }

  Optional<AgentConnection> find(String id) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM agent_connections WHERE id = :id")
                .bind("id", id)
                .map(this::map)
                .findOne());
  }

  /** Marks a connection inactive; false when it does not exist. */
  boolean deactivate(String id, Instant at) {
    return database.inTransaction(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE agent_connections SET status = 'inactive', last_active_at = :at"
                            + " WHERE id = :id")
                    .bind("at", at.toEpochMilli())
                    .bind("id", id)
                    .execute())
        > 0;
  }

  void deleteOf(String userId) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate("DELETE FROM agent_connections WHERE user_id = :user")
                .bind("user", userId)
                .execute());
  }

  /** How many connections are active on the whole server. */
  /** How many of these connections are active. */
  int countActiveAmong(Collection<String> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM agent_connections WHERE status = 'active' AND id IN"
                        + " (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .mapTo(Integer.class)
                .one());
  }

  /**
   * Connections visible to a caller that match the filters, newest activity first.
   *
   * @param visibility who sees what; see {@link Visibility}
   * @param since only connections active at or after it, or null
   * @param statuses only these statuses, or null for any
   * @param sessionName only connections of this session name, or null
   */
  record Filter(
      Visibility visibility,
      String userId,
      Instant since,
      List<String> statuses,
      String sessionName) {}

  /**
   * A caller's view: connections they registered, those of their agents, and those of their current
   * tenant.
   */
  record Visibility(String callerId, String tenantId) {}

  int count(Filter filter) {
    return database.withHandle(
        handle -> {
          Query query =
              handle.createQuery("SELECT COUNT(*) FROM agent_connections WHERE " + where(filter));
          bind(query, filter);
          return query.mapTo(Integer.class).one();
        });
  }

  List<AgentConnection> list(Filter filter, int limit, int offset) {
    return database.withHandle(
        handle -> {
          Query query =
              handle.createQuery(
                  "SELECT "
                      + COLUMNS
                      + " FROM agent_connections WHERE "
                      + where(filter)
                      + " ORDER BY last_active_at DESC, id LIMIT :limit OFFSET :offset");
          bind(query, filter);
          return query.bind("limit", limit).bind("offset", offset).map(this::map).list();
        });
  }

  private static String where(Filter filter) {
    List<String> clauses = new ArrayList<>();
    clauses.add(
        filter.visibility().tenantId() == null
            ? "(user_id = :caller OR owner_id = :caller)"
            : "(user_id = :caller OR owner_id = :caller OR tenant_id = :tenant)");
    if (filter.userId() != null) {
      clauses.add("user_id = :user");
    }
    if (filter.since() != null) {
      clauses.add("last_active_at >= :since");
    }
    if (filter.statuses() != null) {
      clauses.add(filter.statuses().isEmpty() ? "1 = 0" : "status IN (<statuses>)");
    }
    if (filter.sessionName() != null) {
      clauses.add("agent_session_name = :session_name");
    }
    return String.join(" AND ", clauses);
  }

  private static void bind(Query query, Filter filter) {
    query.bind("caller", filter.visibility().callerId());
    if (filter.visibility().tenantId() != null) {
      query.bind("tenant", filter.visibility().tenantId());
    }
    if (filter.userId() != null) {
      query.bind("user", filter.userId());
    }
    if (filter.since() != null) {
      query.bind("since", filter.since().toEpochMilli());
    }
    if (filter.statuses() != null && !filter.statuses().isEmpty()) {
      query.bindList("statuses", filter.statuses());
    }
    if (filter.sessionName() != null) {
      query.bind("session_name", filter.sessionName());
    }
  }

  private Map<String, Object> values(Stored stored) {
    AgentConnection c = stored.connection();
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("id", c.id());
    values.put("user_id", c.userId());
    values.put("owner_id", stored.ownerId());
    values.put("tenant_id", c.tenantId());
    values.put("agent_session_name", c.agentSessionName());
    values.put("type", c.type());
    values.put("memory_mode", c.memoryMode());
    values.put("session_id", c.sessionId());
    values.put("dataset_ids", json.write(stored.datasetIds()));
    values.put("dataset_names", json.write(stored.datasetNames()));
    values.put("source", c.source());
    values.put("origin_function", c.originFunction());
    values.put("metadata", json.write(c.metadata()));
    values.put("status", c.status());
    values.put("created_at", c.createdAt().toEpochMilli());
    values.put("last_active_at", c.lastActiveAt().toEpochMilli());
    return values;
  }

  private AgentConnection map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return AgentConnections.connection(
        rs.getString("id"),
        rs.getString("agent_session_name"),
        rs.getString("type"),
        rs.getString("memory_mode"),
        rs.getString("session_id"),
        rs.getString("user_id"),
        rs.getString("tenant_id"),
        List.of(json.read(rs.getString("dataset_ids"), String[].class)),
        List.of(json.read(rs.getString("dataset_names"), String[].class)),
        Instant.ofEpochMilli(rs.getLong("last_active_at")),
        rs.getString("status"),
        rs.getString("source"),
        rs.getString("origin_function"),
        json.readObject(rs.getString("metadata")),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
