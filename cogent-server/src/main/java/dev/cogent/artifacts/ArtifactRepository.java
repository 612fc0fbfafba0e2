package dev.cogent.artifacts;

import dev.cogent.scope.Scope;
import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The SQL of the {@code artifacts} (one head row per artifact) and {@code artifact_versions} (one
 * full snapshot per version) tables. Rows are addressed by owner scope and id; which owner a caller
 * sees is the service's decision.
 */
final class ArtifactRepository {

  private static final String SELECT =
      "SELECT a.scope, a.id, a.artifact_type, a.source, a.created_at, v.version,"
          + " v.parent_version, v.name, v.path, v.content, v.content_type, v.run_id,"
          + " v.checkpoint_id, v.visibility, v.updated_at FROM artifacts a JOIN artifact_versions"
          + " v ON v.scope = a.scope AND v.artifact_id = a.id";

  private final Database database;

  ArtifactRepository(Database database) {
    this.database = database;
  }

  /**
   * Inserts an artifact at its first version, owned by {@code artifact.scope()}.
   *
   * @return false when an artifact with this id already exists in that scope
   */
  boolean insert(Artifact artifact) {
    try {
      database.useTransaction(
          handle -> {
            handle
                .createUpdate(
                    "INSERT INTO artifacts (scope, id, artifact_type, source, latest_version,"
                        + " created_at) VALUES (:scope, :id, :artifact_type, :source, :version,"
                        + " :created_at)")
                .bind("scope", owner(artifact))
                .bind("id", artifact.id())
                .bind("artifact_type", artifact.artifactType().wireName())
                .bind("source", artifact.source().wireName())
                .bind("version", artifact.version())
                .bind("created_at", artifact.createdAt().toEpochMilli())
                .execute();
            insertVersion(handle, artifact);
          });
      return true;
    } catch (RuntimeException e) {
      if (database.dialect().isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /** The latest version of each artifact with this id owned by one of {@code scopes}. */
  List<Artifact> findLatest(String id, Collection<String> scopes) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    SELECT
                        + " WHERE a.id = :id AND a.scope IN (<scopes>)"
                        + " AND v.version = a.latest_version")
                .bind("id", id)
                .bindList("scopes", List.copyOf(scopes))
                .map(this::map)
                .list());
  }

  /** The latest version of every artifact owned by one of {@code scopes}. */
  List<Artifact> listLatest(Collection<String> scopes) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    SELECT
                        + " WHERE a.scope IN (<scopes>) AND v.version = a.latest_version"
                        + " ORDER BY a.id, a.scope")
                .bindList("scopes", List.copyOf(scopes))
                .map(this::map)
                .list());
  }

  Optional<Artifact> findVersion(String id, Scope owner, int version) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    SELECT + " WHERE a.scope = :scope AND a.id = :id AND v.version = :version")
                .bind("scope", owner.canonical())
                .bind("id", id)
                .bind("version", version)
                .map(this::map)
                .findOne());
  }

  /** Every version of the artifact, highest first; empty when it does not exist. */
  List<ArtifactVersion> listVersions(String id, Scope owner) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT version, parent_version, content, content_type, created_at"
                        + " FROM artifact_versions WHERE scope = :scope AND artifact_id = :id"
                        + " ORDER BY version DESC")
                .bind("scope", owner.canonical())
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new ArtifactVersion(
                            rs.getInt("version"),
                            nullableInt(rs, "parent_version"),
                            rs.getString("content"),
                            rs.getString("content_type"),
                            Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
  }

  /**
   * Changes an artifact in one transaction: locks its head row (so writers of one artifact queue on
   * both databases), reads the latest version, and writes what {@code change} returns. A result
   * with {@code version + 1} is inserted as a new version and becomes the latest; a result with the
   * same version replaces the latest in place; a result equal to the latest writes nothing. An
   * exception thrown by {@code change} rolls everything back and propagates.
   *
   * @return the artifact as written, or empty when it does not exist in {@code owner}
   */
  Optional<Artifact> update(String id, Scope owner, UnaryOperator<Artifact> change) {
    return database.inTransaction(
        handle -> {
          int locked =
              handle
                  .createUpdate(
                      "UPDATE artifacts SET latest_version = latest_version"
                          + " WHERE scope = :scope AND id = :id")
                  .bind("scope", owner.canonical())
                  .bind("id", id)
                  .execute();
          if (locked == 0) {
            return Optional.empty();
          }
          Artifact current =
              handle
                  .createQuery(
                      SELECT
                          + " WHERE a.scope = :scope AND a.id = :id"
                          + " AND v.version = a.latest_version")
                  .bind("scope", owner.canonical())
                  .bind("id", id)
                  .map(this::map)
                  .one();
          Artifact next = change.apply(current);
          if (next.equals(current)) {
            return Optional.of(current);
          }
          if (next.version() == current.version() + 1) {
            insertVersion(handle, next);
            handle
                .createUpdate(
                    "UPDATE artifacts SET latest_version = :version"
                        + " WHERE scope = :scope AND id = :id")
                .bind("version", next.version())
                .bind("scope", owner.canonical())
                .bind("id", id)
                .execute();
          } else if (next.version() == current.version()) {
            handle
                .createUpdate(
                    "UPDATE artifact_versions SET name = :name, path = :path, content ="
                        + " :content, content_type = :content_type, run_id = :run_id,"
                        + " checkpoint_id = :checkpoint_id, visibility = :visibility, updated_at"
                        + " = :updated_at WHERE scope = :scope AND artifact_id = :id AND version"
                        + " = :version")
                .bindMap(versionRow(next))
                .execute();
          } else {
            throw new IllegalArgumentException(
                "a change must keep the version or add one, not go to " + next.version());
          }
          return Optional.of(next);
        });
  }

  /** Deletes the artifact with every version; false when it does not exist in {@code owner}. */
  boolean delete(String id, Scope owner) {
    return database.inTransaction(
        handle -> {
          handle
              .createUpdate(
                  "DELETE FROM artifact_versions WHERE scope = :scope AND artifact_id = :id")
              .bind("scope", owner.canonical())
              .bind("id", id)
              .execute();
          return handle
                  .createUpdate("DELETE FROM artifacts WHERE scope = :scope AND id = :id")
                  .bind("scope", owner.canonical())
                  .bind("id", id)
                  .execute()
              > 0;
        });
  }

  /** Writes a version row; its {@code created_at} is the version's {@code updatedAt}. */
  private static void insertVersion(Handle handle, Artifact artifact) {
    handle
        .createUpdate(
            "INSERT INTO artifact_versions (scope, artifact_id, version, parent_version, name,"
                + " path, content, content_type, run_id, checkpoint_id, visibility, created_at,"
                + " updated_at) VALUES (:scope, :id, :version, :parent_version, :name, :path,"
                + " :content, :content_type, :run_id, :checkpoint_id, :visibility, :updated_at,"
                + " :updated_at)")
        .bindMap(versionRow(artifact))
        .execute();
  }

  private static Map<String, Object> versionRow(Artifact artifact) {
    Map<String, Object> row = new HashMap<>();
    row.put("scope", owner(artifact));
    row.put("id", artifact.id());
    row.put("version", artifact.version());
    row.put("parent_version", artifact.parentVersion());
    row.put("name", artifact.name());
    row.put("path", artifact.path());
    row.put("content", artifact.content());
    row.put("content_type", artifact.contentType());
    row.put("run_id", artifact.runId());
    row.put("checkpoint_id", artifact.checkpointId());
    row.put("visibility", artifact.visibility().wireName());
    row.put("updated_at", artifact.updatedAt().toEpochMilli());
    return row;
  }

  private static String owner(Artifact artifact) {
    return Scope.of(artifact.scope()).canonical();
  }

  private Artifact map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Artifact(
        rs.getString("id"),
        rs.getString("name"),
        ArtifactType.find(rs.getString("artifact_type")).orElseThrow(),
        rs.getString("path"),
        rs.getString("content"),
        rs.getString("content_type"),
        rs.getInt("version"),
        nullableInt(rs, "parent_version"),
        rs.getString("run_id"),
        rs.getString("checkpoint_id"),
        Visibility.find(rs.getString("visibility")).orElseThrow(),
        Scope.fromCanonical(rs.getString("scope")).values(),
        ArtifactSource.find(rs.getString("source")).orElseThrow(),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }

  private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}
