package dev.cogent.identity;

import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of the {@code users} table. */
final class UserRepository {

  private static final String COLUMNS =
      "id, email, password_hash, is_superuser, is_default, tenant_id, created_at, parent_user_id";

  private final Database database;

  UserRepository(Database database) {
    this.database = database;
  }

  /** A user row with its password hash, which never leaves this package. */
  record Stored(User user, String passwordHash) {}

  /**
   * Inserts a user.
   *
   * @param first whether to claim the unique "first registered user" mark
   * @throws RuntimeException a unique violation (see {@link Database#dialect()}) when the email or
   *     the first mark is taken
   */
  void insert(User user, String passwordHash, boolean first) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO users (id, email, password_hash, is_superuser, is_default,"
                        + " first_user, tenant_id, created_at, parent_user_id) VALUES (:id, :email,"
                        + " :hash, :superuser, :is_default, :first, :tenant, :created_at, :parent)")
                .bind("id", user.id())
                .bind("email", user.email())
                .bind("hash", passwordHash)
                .bind("superuser", user.isSuperuser() ? 1 : 0)
                .bind("is_default", user.isDefault() ? 1 : 0)
                .bind("first", first ? "first" : null)
                .bind("tenant", user.tenantId())
                .bind("created_at", user.createdAt().toEpochMilli())
                .bind("parent", user.parentUserId())
                .execute());
  }

  boolean isUniqueViolation(RuntimeException e) {
    return database.dialect().isUniqueViolation(e);
  }

  Optional<Stored> findByEmail(String email) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .bind("email", email)
                .map(UserRepository::map)
                .findOne());
  }

  Optional<User> findById(String id) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id)
                .map(UserRepository::map)
                .findOne()
                .map(Stored::user));
  }

  Optional<User> findDefault() {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM users WHERE is_default = 1")
                .map(UserRepository::map)
                .findFirst()
                .map(Stored::user));
  }

  /** The agent identities the user created, oldest first. */
  java.util.List<User> listByParent(String parentUserId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM users WHERE parent_user_id = :parent ORDER BY created_at, id")
                .bind("parent", parentUserId)
                .map(UserRepository::map)
                .map(Stored::user)
                .list());
  }

  /** Deletes a user; their API keys go with them. */
  void delete(String id) {
    database.useTransaction(
        handle -> {
          handle.createUpdate("DELETE FROM api_keys WHERE user_id = :id").bind("id", id).execute();
          handle.createUpdate("DELETE FROM users WHERE id = :id").bind("id", id).execute();
        });
  }

  private static Stored map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Stored(
        new User(
            rs.getString("id"),
            rs.getString("email"),
            rs.getInt("is_superuser") == 1,
            rs.getInt("is_default") == 1,
            rs.getString("tenant_id"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            rs.getString("parent_user_id")),
        rs.getString("password_hash"));
  }
}
