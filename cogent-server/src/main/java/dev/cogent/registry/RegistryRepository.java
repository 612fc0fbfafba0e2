package dev.cogent.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The SQL of the {@code registry_entries} table. Every method runs on a handle of the caller's
 * transaction, so that {@link Registry} can read, decide and write atomically.
 */
final class RegistryRepository {

  private static final String COLUMNS =
      "kind, name, scope, source, origin, document, created_at, updated_at";

  /** A row as stored: the scope in canonical form, the document as JSON text. */
  record Row(
      String kind,
      String name,
      String scope,
      String source,
      String origin,
      String document,
      long createdAt,
      long updatedAt) {}

  Optional<Row> find(Handle handle, String kind, String name, String scope) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM registry_entries WHERE kind = :kind AND name = :name AND scope = :scope")
        .bind("kind", kind)
        .bind("name", name)
        .bind("scope", scope)
        .map(RegistryRepository::map)
        .findOne();
  }

  /** The rows of {@code kind} whose scope is one of {@code scopes} (canonical forms). */
  List<Row> inScopes(Handle handle, String kind, Collection<String> scopes) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM registry_entries WHERE kind = :kind AND scope IN (<scopes>)")
        .bind("kind", kind)
        .bindList("scopes", List.copyOf(scopes))
        .map(RegistryRepository::map)
        .list();
  }

  /** The rows named {@code name} of {@code kind} whose scope is one of {@code scopes}. */
  List<Row> namedInScopes(Handle handle, String kind, String name, Collection<String> scopes) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM registry_entries WHERE kind = :kind AND name = :name"
                + " AND scope IN (<scopes>)")
        .bind("kind", kind)
        .bind("name", name)
        .bindList("scopes", List.copyOf(scopes))
        .map(RegistryRepository::map)
        .list();
  }

  /** Every row of {@code kind}, optionally of one name only. */
  List<Row> all(Handle handle, String kind, Optional<String> name) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM registry_entries WHERE kind = :kind"
                + (name.isPresent() ? " AND name = :name" : ""))
        .bind("kind", kind)
        .bind("name", name.orElse(""))
        .map(RegistryRepository::map)
        .list();
  }

  List<Row> bySource(Handle handle, String kind, String source) {
    return handle
        .createQuery(
            "SELECT " + COLUMNS + " FROM registry_entries WHERE kind = :kind AND source = :source")
        .bind("kind", kind)
        .bind("source", source)
        .map(RegistryRepository::map)
        .list();
  }

  void insert(Handle handle, Row row) {
    handle
        .createUpdate(
            "INSERT INTO registry_entries ("
                + COLUMNS
                + ") VALUES (:kind, :name, :scope, :source, :origin, :document, :created_at,"
                + " :updated_at)")
        .bindMap(values(row))
        .execute();
  }

  /** Writes source, origin, document and updated_at of the row with the same key. */
  int update(Handle handle, Row row) {
    return handle
        .createUpdate(
            "UPDATE registry_entries SET source = :source, origin = :origin, document ="
                + " :document, updated_at = :updated_at"
                + " WHERE kind = :kind AND name = :name AND scope = :scope")
        .bindMap(values(row))
        .execute();
  }

  int delete(Handle handle, String kind, String name, String scope) {
    return handle
        .createUpdate(
            "DELETE FROM registry_entries WHERE kind = :kind AND name = :name AND scope = :scope")
        .bind("kind", kind)
        .bind("name", name)
        .bind("scope", scope)
        .execute();
  }

  private static Map<String, Object> values(Row row) {
    Map<String, Object> values = new HashMap<>();
    values.put("kind", row.kind());
    values.put("name", row.name());
    values.put("scope", row.scope());
    values.put("source", row.source());
    values.put("origin", row.origin());
    values.put("document", row.document());
    values.put("created_at", row.createdAt());
    values.put("updated_at", row.updatedAt());
    return values;
  }

  private static Row map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Row(
        rs.getString("kind"),
        rs.getString("name"),
        rs.getString("scope"),
        rs.getString("source"),
        rs.getString("origin"),
        rs.getString("document"),
        rs.getLong("created_at"),
        rs.getLong("updated_at"));
  }
}
