package dev.cogent.identity;

import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of the {@code api_keys} table. */
final class ApiKeyRepository {

  private static final String COLUMNS =
      "id, user_id, kind, name, prefix, key_hash, tenant_id, created_at, last_used_at,"
          + " expires_at, revoked_at";

  private final Database database;

  ApiKeyRepository(Database database) {
    this.database = database;
  }

  /** A key row with what stays inside this package: its owner and hash. */
  record Stored(ApiKey key, String userId, String keyHash) {}

  void insert(Stored stored) {
    ApiKey key = stored.key();
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO api_keys ("
                        + COLUMNS
                        + ") VALUES (:id, :user_id, :kind, :name, :prefix, :key_hash, NULL,"
                        + " :created_at, NULL, :expires_at, NULL)")
                .bind("id", key.id())
                .bind("user_id", stored.userId())
                .bind("kind", key.kind())
                .bind("name", key.name())
                .bind("prefix", key.prefix())
                .bind("key_hash", stored.keyHash())
                .bind("created_at", key.createdAt().toEpochMilli())
                .bind("expires_at", key.expiresAt() == null ? null : key.expiresAt().toEpochMilli())
                .execute());
  }

  /** Every key, revoked or not, that starts with {@code prefix}; usually one. */
  List<Stored> listByPrefix(String prefix) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE prefix = :prefix")
                .bind("prefix", prefix)
                .map(ApiKeyRepository::map)
                .list());
  }

  /** The user's keys of one kind that are not revoked, oldest first. */
  List<ApiKey> listActive(String userId, String kind) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM api_keys WHERE user_id = :user_id AND kind = :kind AND"
                        + " revoked_at IS NULL ORDER BY created_at, id")
                .bind("user_id", userId)
                .bind("kind", kind)
                .map(ApiKeyRepository::map)
                .map(Stored::key)
                .list());
  }

  /** Revokes the user's key; false when it does not exist, is another user's or is revoked. */
  boolean revoke(String id, String userId, Instant at) {
    return database.inTransaction(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE api_keys SET revoked_at = :at WHERE id = :id AND user_id ="
                            + " :user_id AND revoked_at IS NULL")
                    .bind("at", at.toEpochMilli())
                    .bind("id", id)
                    .bind("user_id", userId)
                    .execute())
        > 0;
  }

  /** Records a use, unless one was recorded since {@code notSince} (spares a write per call). */
  void touch(String id, Instant at, Instant notSince) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "UPDATE api_keys SET last_used_at = :at WHERE id = :id AND (last_used_at IS"
                        + " NULL OR last_used_at <= :not_since)")
                .bind("at", at.toEpochMilli())
                .bind("id", id)
                .bind("not_since", notSince.toEpochMilli())
                .execute());
  }

  private static Stored map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Stored(
        new ApiKey(
            rs.getString("id"),
            rs.getString("name"),
            rs.getString("kind"),
            rs.getString("prefix"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            instant(rs, "last_used_at"),
            instant(rs, "expires_at"),
            instant(rs, "revoked_at")),
        rs.getString("user_id"),
        rs.getString("key_hash"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
