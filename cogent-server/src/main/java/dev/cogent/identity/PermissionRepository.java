package dev.cogent.identity;

import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of dataset owners and grants ({@code dataset_owners}, {@code dataset_grants}). */
final class PermissionRepository {

  private static final String GRANT_COLUMNS =
      "dataset_id, principal_id, principal_type, permission, granted_by, created_at";

  private final Database database;

  PermissionRepository(Database database) {
    this.database = database;
  }

  /** Records the dataset's owner unless one is recorded already; true when this call did. */
  boolean insertOwner(String datasetId, String ownerId, String tenantId, Instant at) {
    return database.inTransaction(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO dataset_owners (dataset_id, owner_id, tenant_id, created_at)"
                            + " VALUES (:dataset, :owner, :tenant, :at) ON CONFLICT (dataset_id)"
                            + " DO NOTHING")
                    .bind("dataset", datasetId)
                    .bind("owner", ownerId)
                    .bind("tenant", tenantId)
                    .bind("at", at.toEpochMilli())
                    .execute())
        > 0;
  }

  DatasetAccess access(String datasetId) {
    return database.withHandle(
        handle -> {
          String owner =
              handle
                  .createQuery("SELECT owner_id FROM dataset_owners WHERE dataset_id = :dataset")
                  .bind("dataset", datasetId)
                  .mapTo(String.class)
                  .findOne()
                  .orElse(null);
          List<Grant> grants =
              handle
                  .createQuery(
                      "SELECT "
                          + GRANT_COLUMNS
                          + " FROM dataset_grants WHERE dataset_id = :dataset")
                  .bind("dataset", datasetId)
                  .map(PermissionRepository::grant)
                  .list();
          return new DatasetAccess(owner, grants);
        });
  }

  /** Inserts the grants that do not exist yet, all or none. */
  void insertGrants(List<Grant> grants) {
    database.useTransaction(
        handle -> {
          for (Grant grant : grants) {
            insertGrant(handle, grant);
          }
        });
  }

  /** Deletes these grants where they exist, all or none. */
  void deleteGrants(String principalId, Permission permission, List<String> datasetIds) {
    database.useTransaction(
        handle -> {
          for (String datasetId : datasetIds) {
            handle
                .createUpdate(
                    "DELETE FROM dataset_grants WHERE dataset_id = :dataset AND principal_id ="
                        + " :principal AND permission = :permission")
                .bind("dataset", datasetId)
                .bind("principal", principalId)
                .bind("permission", permission.wireName())
                .execute();
          }
        });
  }

  /** The grants to one principal, by dataset then permission. */
  List<Grant> listGrants(String principalId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + GRANT_COLUMNS
                        + " FROM dataset_grants WHERE principal_id = :principal ORDER BY"
                        + " dataset_id, permission")
                .bind("principal", principalId)
                .map(PermissionRepository::grant)
                .list());
  }

  private static void insertGrant(Handle handle, Grant grant) {
    handle
        .createUpdate(
            "INSERT INTO dataset_grants ("
                + GRANT_COLUMNS
                + ") VALUES (:dataset, :principal, :type, :permission, :by, :at) ON CONFLICT"
                + " (dataset_id, principal_id, permission) DO NOTHING")
        .bind("dataset", grant.datasetId())
        .bind("principal", grant.principalId())
        .bind("type", grant.principalType().wireName())
        .bind("permission", grant.permission().wireName())
        .bind("by", grant.grantedBy())
        .bind("at", grant.createdAt().toEpochMilli())
        .execute();
  }

  private static Grant grant(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Grant(
        rs.getString("dataset_id"),
        rs.getString("principal_id"),
        PrincipalType.fromWire(rs.getString("principal_type")),
        Permission.parse(rs.getString("permission"), "permission"),
        rs.getString("granted_by"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
