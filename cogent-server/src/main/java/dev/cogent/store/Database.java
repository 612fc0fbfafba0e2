package dev.cogent.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cogent.settings.StoreSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational store: a connection pool, Jdbi on top of it, and the schema brought up to date by
 * Flyway on open. The same migrations run on SQLite (the embedded default, a file in the data dir)
 * and PostgreSQL (when a {@code jdbc:postgresql:} URL is configured).
 *
 * <p>Thread-safe. Write through {@link #inTransaction}: on SQLite it serializes writers in the
 * application, so concurrent requests queue instead of failing with {@code SQLITE_BUSY}.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** How long a writer waits for the SQLite write lock before the request fails. */
  private static final long WRITE_LOCK_TIMEOUT_SECONDS = 30;

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;

  /**
   * Not fair: a fair lock hands over to the longest waiter, which must first be scheduled, so under
   * hundreds of concurrent writers (streaming runs) each commit waits for a context switch (a lock
   * convoy). Barging keeps the lock with threads that are running; the timeout bounds any wait.
   */
  private final ReentrantLock writeLock = new ReentrantLock();

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
  }

  /** Opens the configured database and migrates its schema to the current version. */
  public static Database open(StoreSettings settings) {
    String url = settings.findDatabaseUrl().orElseGet(() -> sqliteUrl(settings.dataDir()));
    Database database;
    if (url.startsWith("jdbc:postgresql:")) {
      database = new Database(postgresPool(url, settings), new PostgresDialect());
    } else if (url.startsWith("jdbc:sqlite:")) {
      database = new Database(sqlitePool(url, settings), new SqliteDialect());
    } else {
      throw new IllegalArgumentException(
          "store.database_url must start with jdbc:postgresql: or jdbc:sqlite:");
    }
    try {
      database.migrate();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    log.info("Storage: {} ({})", database.dialect.name(), redact(url));
    return database;
  }

  private static String sqliteUrl(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data dir " + dataDir, e);
    }
    return "jdbc:sqlite:" + dataDir.resolve("cogent.db").toAbsolutePath();
  }

  private static HikariDataSource sqlitePool(String url, StoreSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("cogent-sqlite");
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(Math.max(2, Math.min(settings.poolSize(), 8)));
    // WAL lets readers run beside the one writer; busy_timeout covers writers of other processes.
    config.addDataSourceProperty("journal_mode", "WAL");
    config.addDataSourceProperty("synchronous", "NORMAL");
    config.addDataSourceProperty("foreign_keys", "true");
    config.addDataSourceProperty("busy_timeout", "10000");
    config.setConnectionInitSql("PRAGMA foreign_keys = ON");
    return new HikariDataSource(config);
  }

  private static HikariDataSource postgresPool(String url, StoreSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("cogent-postgres");
    config.setJdbcUrl(url);
    if (settings.databaseUser() != null) {
      config.setUsername(settings.databaseUser());
    }
    if (settings.databasePassword() != null) {
      config.setPassword(settings.databasePassword());
    }
    config.setMaximumPoolSize(settings.poolSize());
    return new HikariDataSource(config);
  }

  private void migrate() {
    var result =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load()
            .migrate();
    if (result.migrationsExecuted > 0) {
      log.info(
          "Migrated the schema to version {} ({} migrations)",
          result.targetSchemaVersion,
          result.migrationsExecuted);
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Runs a read; no write lock is taken. */
  public <R> R withHandle(HandleCallback<R, RuntimeException> callback) {
    return jdbi.withHandle(callback);
  }

  /**
   * Runs a write in one transaction. On SQLite, writers are serialized by a lock so that none of
   * them sees {@code SQLITE_BUSY}; on PostgreSQL they run concurrently.
   */
  public <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
    if (!dialect.serializesWrites()) {
      return jdbi.inTransaction(callback);
    }
    acquireWriteLock();
    try {
      return jdbi.inTransaction(callback);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs a write that returns nothing; see {@link #inTransaction}. */
  public void useTransaction(java.util.function.Consumer<Handle> work) {
    inTransaction(
        handle -> {
          work.accept(handle);
          return null;
        });
  }

  private void acquireWriteLock() {
    try {
      if (!writeLock.tryLock(WRITE_LOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new StoreUnavailableException("timed out waiting for the database write lock");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted waiting for the database write lock");
    }
  }

  /**
   * Publishes the pool's HikariCP metrics ({@code hikaricp_connections_*}) into {@code registry}.
   * Call at most once.
   */
  public void publishPoolMetrics(MeterRegistry registry) {
    dataSource.setMetricRegistry(registry);
  }

  /** Whether a connection can be had and answers a trivial query. */
  public boolean isHealthy() {
    try {
      return withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      log.warn("Database health check failed", e);
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  /** A URL with any password removed, fit for logs and {@code GET /config}. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }
}
