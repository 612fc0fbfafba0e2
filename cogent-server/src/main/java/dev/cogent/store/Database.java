package dev.cogent.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cogent.settings.StoreSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
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
 * <p>Thread-safe. Write through {@link #inTransaction}: on SQLite every write transaction runs on
 * one writer thread ({@link SerialWriter}), so concurrent requests queue instead of failing with
 * {@code SQLITE_BUSY}, and those that queue together share a commit.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** How long a write waits for its turn on SQLite before the request fails. */
  private static final Duration WRITE_QUEUE_TIMEOUT = Duration.ofSeconds(30);

  /** How often the SQLite write-ahead log is copied back into the database file. */
  private static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(500);

  /** While readers keep the write-ahead log from starting over, it is tried again this often. */
  private static final Duration WAL_RESTART_RETRY = Duration.ofMillis(50);

  /**
   * Tries in a row (a second's worth) that start the log over only if readers let it go at once;
   * the next one waits for them.
   */
  private static final int WAL_RESTART_PATIENCE = 20;

  /** How long that one waits for the readers of the moment; short, since every write waits. */
  private static final Duration WAL_RESTART_WAIT = Duration.ofMillis(20);

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;

  /** Present where the store takes one writer at a time (SQLite). */
  private final SerialWriter writer;

  /** Present with {@link #writer}: the writer's commits leave checkpoints to it. */
  private final WalCheckpointer checkpointer;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
    if (dialect.serializesWrites()) {
      this.writer =
          new SerialWriter(jdbi, WRITE_QUEUE_TIMEOUT, loop -> daemon(loop, "cogent-sqlite-writer"));
      this.checkpointer =
          new WalCheckpointer(
              jdbi,
              writer::betweenTransactions,
              Executors.newSingleThreadScheduledExecutor(
                  task -> daemon(task, "cogent-sqlite-checkpointer")),
              new WalCheckpointer.Policy(
                  CHECKPOINT_INTERVAL,
                  walRestartFrames(),
                  WAL_RESTART_RETRY,
                  WAL_RESTART_PATIENCE,
                  WAL_RESTART_WAIT));
      checkpointer.start();
    } else {
      this.writer = null;
      this.checkpointer = null;
    }
  }

  /**
   * The log starts over at half the size its file is cut back to, so that under steady load the
   * file stays within the limit and is never cut inside a commit.
   */
  private int walRestartFrames() {
    int pageSize =
        jdbi.withHandle(h -> h.createQuery("PRAGMA page_size").mapTo(Integer.class).one());
    return (int) (SerialWriter.WAL_SIZE_LIMIT_BYTES / 2 / pageSize);
  }

  private static Thread daemon(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
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
   * Runs a write in one transaction. On SQLite it runs on the writer thread, after the writes
   * queued before it (see {@link SerialWriter}: the callback must not wait for another thread's
   * write); on PostgreSQL writes run concurrently on the calling thread.
   *
   * @throws StoreUnavailableException when a SQLite write waited 30 s for its turn (it did not run)
   */
  public <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
    if (writer == null) {
      return jdbi.inTransaction(callback);
    }
    return writer.write(callback);
  }

  /**
   * Runs a write like {@link #inTransaction} without waiting for it: on SQLite it is queued in
   * order with the writes of {@link #inTransaction} (a write queued after it, from any thread, runs
   * after it) and this returns at once; {@code whenDone} gets its result or failure once it is
   * committed or rolled back, on the writer thread (keep it short). On PostgreSQL it runs on the
   * calling thread before this returns.
   */
  public <R> void submit(
      HandleCallback<R, RuntimeException> work, BiConsumer<R, RuntimeException> whenDone) {
    if (writer != null) {
      writer.submit(work, whenDone);
      return;
    }
    runNow(work, whenDone);
  }

  /**
   * Runs a write that nobody waits on to answer a request (a run's streamed events) and returns at
   * once; {@code whenDone} gets its result or failure once it is committed or rolled back. On
   * SQLite it runs on the writer thread behind the writes of {@link #inTransaction} queued
   * meanwhile, in a transaction of its own, and {@code whenDone} runs there too (keep it short); on
   * PostgreSQL it runs on the calling thread before this returns.
   */
  public <R> void submitInBackground(
      HandleCallback<R, RuntimeException> work, BiConsumer<R, RuntimeException> whenDone) {
    if (writer != null) {
      writer.submitInBackground(work, whenDone);
      return;
    }
    runNow(work, whenDone);
  }

  private <R> void runNow(
      HandleCallback<R, RuntimeException> work, BiConsumer<R, RuntimeException> whenDone) {
    R result;
    try {
      result = jdbi.inTransaction(work);
    } catch (RuntimeException e) {
      whenDone.accept(null, e);
      return;
    }
    whenDone.accept(result, null);
  }

  /** Runs a write that returns nothing; see {@link #inTransaction}. */
  public void useTransaction(java.util.function.Consumer<Handle> work) {
    inTransaction(
        handle -> {
          work.accept(handle);
          return null;
        });
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
    if (checkpointer != null) {
      checkpointer.close();
    }
    if (writer != null) {
      writer.close();
    }
    dataSource.close();
  }

  /** A URL with any password removed, fit for logs and {@code GET /config}. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }
}
