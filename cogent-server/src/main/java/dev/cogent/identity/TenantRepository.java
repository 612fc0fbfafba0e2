package dev.cogent.identity;

import dev.cogent.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SQL of tenants, roles and their members ({@code tenants}, {@code tenant_members}, {@code
 * roles}, {@code role_members}), plus the user's current tenant ({@code users.tenant_id}), which
 * changes in the same transactions.
 */
final class TenantRepository {

  private final Database database;

  TenantRepository(Database database) {
    this.database = database;
  }

  boolean isUniqueViolation(RuntimeException e) {
    return database.dialect().isUniqueViolation(e);
  }

  /** Inserts the tenant, makes its owner a member and their current tenant, in one transaction. */
  void insertTenant(Tenant tenant) {
    database.useTransaction(
        handle -> {
          handle
              .createUpdate(
                  "INSERT INTO tenants (id, name, owner_id, created_at) VALUES (:id, :name,"
                      + " :owner, :at)")
              .bind("id", tenant.id())
              .bind("name", tenant.name())
              .bind("owner", tenant.ownerId())
              .bind("at", tenant.createdAt().toEpochMilli())
              .execute();
          insertMember(handle, tenant.id(), tenant.ownerId(), tenant.createdAt());
          handle
              .createUpdate("UPDATE users SET tenant_id = :tenant WHERE id = :user")
              .bind("tenant", tenant.id())
              .bind("user", tenant.ownerId())
              .execute();
        });
  }

  Optional<Tenant> findTenant(String id) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT id, name, owner_id, created_at FROM tenants WHERE id = :id")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new Tenant(
                            rs.getString("id"),
                            rs.getString("name"),
                            rs.getString("owner_id"),
                            Instant.ofEpochMilli(rs.getLong("created_at"))))
                .findOne());
  }

  /** The tenants the user is a member of, by name. */
  List<Tenant> listTenantsOf(String userId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT t.id, t.name, t.owner_id, t.created_at FROM tenants t JOIN"
                        + " tenant_members m ON m.tenant_id = t.id WHERE m.user_id = :user ORDER"
                        + " BY t.name, t.id")
                .bind("user", userId)
                .map(
                    (rs, ctx) ->
                        new Tenant(
                            rs.getString("id"),
                            rs.getString("name"),
                            rs.getString("owner_id"),
                            Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
  }

  boolean isMember(String tenantId, String userId) {
    return database.withHandle(
        handle ->
            handle
                    .createQuery(
                        "SELECT COUNT(*) FROM tenant_members WHERE tenant_id = :tenant AND user_id ="
                            + " :user")
                    .bind("tenant", tenantId)
                    .bind("user", userId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /**
   * Adds a member; it becomes the user's current tenant when they had none.
   *
   * @throws RuntimeException a unique violation when the user is a member already
   */
  void addMember(String tenantId, String userId, Instant at) {
    database.useTransaction(
        handle -> {
          insertMember(handle, tenantId, userId, at);
          handle
              .createUpdate(
                  "UPDATE users SET tenant_id = :tenant WHERE (id = :user OR parent_user_id ="
                      + " :user) AND tenant_id IS NULL")
              .bind("tenant", tenantId)
              .bind("user", userId)
              .execute();
        });
  }

  /** Makes one of the user's tenants their current one; their agents follow. */
  void selectTenant(String userId, String tenantId) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "UPDATE users SET tenant_id = :tenant WHERE id = :user OR parent_user_id ="
                        + " :user")
                .bind("tenant", tenantId)
                .bind("user", userId)
                .execute());
  }

  /** The ids of the tenants the user is a member of. */
  Set<String> tenantIdsOf(String userId) {
    return database.withHandle(
        handle ->
            new TreeSet<>(
                handle
                    .createQuery("SELECT tenant_id FROM tenant_members WHERE user_id = :user")
                    .bind("user", userId)
                    .mapTo(String.class)
                    .list()));
  }

  /**
   * @throws RuntimeException a unique violation when the tenant has a role of that name
   */
  void insertRole(Role role, Instant at) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO roles (id, tenant_id, name, description, created_at) VALUES (:id,"
                        + " :tenant, :name, :description, :at)")
                .bind("id", role.id())
                .bind("tenant", role.tenantId())
                .bind("name", role.name())
                .bind("description", role.description())
                .bind("at", at.toEpochMilli())
                .execute());
  }

  Optional<Role> findRole(String id) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(ROLE_SELECT + " WHERE r.id = :id GROUP BY " + ROLE_GROUP)
                .bind("id", id)
                .map(TenantRepository::role)
                .findOne());
  }

  /** The tenant's roles by name, each with its member count. */
  List<Role> listRoles(String tenantId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    ROLE_SELECT
                        + " WHERE r.tenant_id = :tenant GROUP BY "
                        + ROLE_GROUP
                        + " ORDER BY r.name, r.id")
                .bind("tenant", tenantId)
                .map(TenantRepository::role)
                .list());
  }

  /**
   * @throws RuntimeException a unique violation when the user has the role already
   */
  void addRoleMember(String roleId, String userId, Instant at) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO role_members (role_id, user_id, added_at) VALUES (:role, :user,"
                        + " :at)")
                .bind("role", roleId)
                .bind("user", userId)
                .bind("at", at.toEpochMilli())
                .execute());
  }

  /**
   * Deletes a role with its memberships and the dataset grants to it, in one transaction, so no
   * grant outlives its role.
   */
  void deleteRole(String roleId) {
    database.useTransaction(
        handle -> {
          handle
              .createUpdate("DELETE FROM role_members WHERE role_id = :role")
              .bind("role", roleId)
              .execute();
          handle
              .createUpdate("DELETE FROM dataset_grants WHERE principal_id = :role")
              .bind("role", roleId)
              .execute();
          handle.createUpdate("DELETE FROM roles WHERE id = :role").bind("role", roleId).execute();
        });
  }

  /** Removes a user from a role; false when they did not have it. */
  boolean removeRoleMember(String roleId, String userId) {
    return database.inTransaction(
            handle ->
                handle
                    .createUpdate(
                        "DELETE FROM role_members WHERE role_id = :role AND user_id = :user")
                    .bind("role", roleId)
                    .bind("user", userId)
                    .execute())
        > 0;
  }

  /**
   * Removes a member from a tenant with their roles in it; when it was their current tenant (and
   * their agents'), they have none afterwards. False when they were not a member.
   */
  boolean removeMember(String tenantId, String userId) {
    return database.inTransaction(
        handle -> {
          int removed =
              handle
                  .createUpdate(
                      "DELETE FROM tenant_members WHERE tenant_id = :tenant AND user_id = :user")
                  .bind("tenant", tenantId)
                  .bind("user", userId)
                  .execute();
          handle
              .createUpdate(
                  "DELETE FROM role_members WHERE user_id = :user AND role_id IN (SELECT id FROM"
                      + " roles WHERE tenant_id = :tenant)")
              .bind("tenant", tenantId)
              .bind("user", userId)
              .execute();
          handle
              .createUpdate(
                  "UPDATE users SET tenant_id = NULL WHERE (id = :user OR parent_user_id = :user)"
                      + " AND tenant_id = :tenant")
              .bind("tenant", tenantId)
              .bind("user", userId)
              .execute();
          return removed > 0;
        });
  }

  /** The holders of a role as {@code id} and {@code name} (the email), by email. */
  List<TenantMember.RoleRef> listRoleMembers(String roleId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT u.id, u.email FROM users u JOIN role_members rm ON rm.user_id = u.id"
                        + " WHERE rm.role_id = :role ORDER BY u.email, u.id")
                .bind("role", roleId)
                .map(
                    (rs, ctx) ->
                        new TenantMember.RoleRef(rs.getString("id"), rs.getString("email")))
                .list());
  }

  /** The roles the user is a member of, in any tenant. */
  List<Role> listRolesOf(String userId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    ROLE_SELECT
                        + " WHERE r.id IN (SELECT role_id FROM role_members WHERE user_id ="
                        + " :user) GROUP BY "
                        + ROLE_GROUP
                        + " ORDER BY r.name, r.id")
                .bind("user", userId)
                .map(TenantRepository::role)
                .list());
  }

  /** The tenant's members by email, each with their roles in that tenant. */
  List<TenantMember> listMembers(String tenantId) {
    return database.withHandle(
        handle -> {
          Map<String, String> emails = new LinkedHashMap<>();
          handle
              .createQuery(
                  "SELECT u.id, u.email FROM users u JOIN tenant_members m ON m.user_id = u.id"
                      + " WHERE m.tenant_id = :tenant ORDER BY u.email, u.id")
              .bind("tenant", tenantId)
              .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("email")))
              .forEach(entry -> emails.put(entry.getKey(), entry.getValue()));
          Map<String, List<TenantMember.RoleRef>> roles = new LinkedHashMap<>();
          handle
              .createQuery(
                  "SELECT rm.user_id, r.id, r.name FROM role_members rm JOIN roles r ON r.id ="
                      + " rm.role_id WHERE r.tenant_id = :tenant ORDER BY r.name, r.id")
              .bind("tenant", tenantId)
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          rs.getString("user_id"),
                          new TenantMember.RoleRef(rs.getString("id"), rs.getString("name"))))
              .forEach(
                  entry ->
                      roles
                          .computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
                          .add(entry.getValue()));
          return emails.entrySet().stream()
              .map(
                  entry ->
                      new TenantMember(
                          entry.getKey(),
                          entry.getValue(),
                          roles.getOrDefault(entry.getKey(), List.of())))
              .toList();
        });
  }

  private static final String ROLE_SELECT =
      "SELECT r.id, r.tenant_id, r.name, r.description, COUNT(rm.user_id) AS user_count FROM roles"
          + " r LEFT JOIN role_members rm ON rm.role_id = r.id";
  private static final String ROLE_GROUP = "r.id, r.tenant_id, r.name, r.description";

  private static Role role(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new Role(
        rs.getString("id"),
        rs.getString("tenant_id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getInt("user_count"));
  }

  private static void insertMember(
      org.jdbi.v3.core.Handle handle, String tenantId, String userId, Instant at) {
    handle
        .createUpdate(
            "INSERT INTO tenant_members (tenant_id, user_id, added_at) VALUES (:tenant, :user,"
                + " :at)")
        .bind("tenant", tenantId)
        .bind("user", userId)
        .bind("at", at.toEpochMilli())
        .execute();
  }
}
