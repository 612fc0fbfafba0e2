package dev.cogent.memory;

import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of {@code memory_datasets}. Thread-safe. */
public final class DatasetRepository {

  private static final String SELECT =
      "SELECT id, name, owner_id, tenant_id, graph_schema, custom_prompt, created_at, updated_at"
          + " FROM memory_datasets";

  private final Database database;

  public DatasetRepository(Database database) {
    this.database = database;
  }

  /** Inserts a dataset; false when the owner already has one of that name. */
  boolean insert(Dataset dataset) {
    try {
      database.useTransaction(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO memory_datasets (id, name, owner_id, tenant_id, graph_schema,"
                          + " custom_prompt, created_at, updated_at) VALUES (:id, :name, :owner,"
                          + " :tenant, :schema, :prompt, :created, :updated)")
                  .bind("id", dataset.id())
                  .bind("name", dataset.name())
                  .bind("owner", dataset.ownerId())
                  .bind("tenant", dataset.tenantId())
                  .bind("schema", dataset.graphSchema())
                  .bind("prompt", dataset.customPrompt())
                  .bind("created", dataset.createdAt().toEpochMilli())
                  .bind("updated", dataset.updatedAt().toEpochMilli())
                  .execute());
      return true;
    } catch (RuntimeException e) {
      if (database.dialect().isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  public Optional<Dataset> find(String id) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(SELECT + " WHERE id = :id")
                .bind("id", id)
                .map(DatasetRepository::map)
                .findOne());
  }

  public Optional<Dataset> findByName(String ownerId, String name) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(SELECT + " WHERE owner_id = :owner AND name = :name")
                .bind("owner", ownerId)
                .bind("name", name)
                .map(DatasetRepository::map)
                .findOne());
  }

  public List<Dataset> listByIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return database.withHandle(
        handle ->
            handle
                .createQuery(SELECT + " WHERE id IN (<ids>) ORDER BY created_at, id")
                .bindList("ids", List.copyOf(ids))
                .map(DatasetRepository::map)
                .list());
  }

  public List<Dataset> listByOwner(String ownerId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(SELECT + " WHERE owner_id = :owner ORDER BY created_at, id")
                .bind("owner", ownerId)
                .map(DatasetRepository::map)
                .list());
  }

  /** Every dataset; the caller filters by permission. */
  public List<Dataset> listAll() {
    return database.withHandle(
        handle ->
            handle
                .createQuery(SELECT + " ORDER BY created_at, id")
                .map(DatasetRepository::map)
                .list());
  }

  void updateConfiguration(String id, String graphSchema, String customPrompt, Instant at) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "UPDATE memory_datasets SET graph_schema = :schema, custom_prompt = :prompt,"
                        + " updated_at = :at WHERE id = :id")
                .bind("schema", graphSchema)
                .bind("prompt", customPrompt)
                .bind("at", at.toEpochMilli())
                .bind("id", id)
                .execute());
  }

  void touch(String id, Instant at) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate("UPDATE memory_datasets SET updated_at = :at WHERE id = :id")
                .bind("at", at.toEpochMilli())
                .bind("id", id)
                .execute());
  }

  /** Deletes the dataset; its data items, graph and session entries go with it (cascade). */
  boolean delete(String id) {
    return database.inTransaction(
            handle ->
                handle
                    .createUpdate("DELETE FROM memory_datasets WHERE id = :id")
                    .bind("id", id)
                    .execute())
        > 0;
  }

  private static Dataset map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Dataset(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("owner_id"),
        rs.getString("tenant_id"),
        rs.getString("graph_schema"),
        rs.getString("custom_prompt"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
