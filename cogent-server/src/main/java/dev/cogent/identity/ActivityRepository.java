package dev.cogent.identity;

import dev.cogent.store.Database;
import java.time.Instant;
import java.util.List;

/** The read-only SQL of the activity views over {@code users}, {@code api_keys} and connections. */
final class ActivityRepository {

  private final Database database;

  ActivityRepository(Database database) {
    this.database = database;
  }

  /** An agent identity with its key count and connection activity. */
  record AgentRow(User agent, int apiKeyCount, int activeConnections, Instant lastActive) {}

  /** The people (not agents) whose current tenant is the tenant or who are its members. */
  List<UserActivity> listPeopleOf(String tenantId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id, email, is_superuser, created_at FROM users WHERE parent_user_id IS"
                        + " NULL AND (tenant_id = :tenant OR id IN (SELECT user_id FROM"
                        + " tenant_members WHERE tenant_id = :tenant)) ORDER BY email, id")
                .bind("tenant", tenantId)
                .map(
                    (rs, ctx) ->
                        new UserActivity(
                            rs.getString("id"),
                            rs.getString("email"),
                            rs.getInt("is_superuser") != 0,
                            Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
  }

  /**
   * The agent identities of a parent user, plus those of a tenant when {@code tenantId} is not
   * null, by email.
   */
  List<AgentRow> listAgents(String parentUserId, String tenantId) {
    String where =
        tenantId == null
            ? "u.parent_user_id = :parent"
            : "(u.parent_user_id = :parent OR u.tenant_id = :tenant)";
    return database.withHandle(
        handle -> {
          var query =
              handle
                  .createQuery(
                      "SELECT u.id, u.email, u.is_superuser, u.tenant_id, u.created_at,"
                          + " u.parent_user_id, (SELECT COUNT(*) FROM api_keys k WHERE k.user_id"
                          + " = u.id AND k.revoked_at IS NULL) AS key_count, (SELECT COUNT(*)"
                          + " FROM agent_connections c WHERE c.user_id = u.id AND c.status ="
                          + " 'active') AS active_count, (SELECT MAX(c.last_active_at) FROM"
                          + " agent_connections c WHERE c.user_id = u.id) AS last_active FROM"
                          + " users u WHERE u.parent_user_id IS NOT NULL AND "
                          + where
                          + " ORDER BY u.email, u.id")
                  .bind("parent", parentUserId);
          if (tenantId != null) {
            query.bind("tenant", tenantId);
          }
          return query
              .map(
                  (rs, ctx) -> {
                    long lastActive = rs.getLong("last_active");
                    boolean never = rs.wasNull();
                    return new AgentRow(
                        new User(
                            rs.getString("id"),
                            rs.getString("email"),
                            rs.getInt("is_superuser") != 0,
                            false,
                            rs.getString("tenant_id"),
                            Instant.ofEpochMilli(rs.getLong("created_at")),
                            rs.getString("parent_user_id")),
                        rs.getInt("key_count"),
                        rs.getInt("active_count"),
                        never ? null : Instant.ofEpochMilli(lastActive));
                  })
              .list();
        });
  }
}
