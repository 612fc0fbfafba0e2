package dev.cogent.testing;

import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One SQLite file per test JVM that the migrations have run on, copied for every test that wants a
 * database: Flyway then only validates the copy instead of running every migration again, which
 * costs most of a test server's start-up on a busy disk.
 */
final class SqliteTemplate {

  private SqliteTemplate() {}

  /**
   * A JDBC URL of the database at {@code file}: a copy of the template, migrated and otherwise
   * empty, unless the file exists already (a test that starts a second server in the same folder
   * gets the first one's database, as it always did).
   */
  static String copyTo(Path file) {
    try {
      if (Files.notExists(file)) {
        Files.copy(Holder.FILE, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the template database to " + file, e);
    }
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  /** Lazy holder: the template is migrated when the first SQLite test runs. */
  private static final class Holder {
    static final Path FILE = migrate();

    private static Path migrate() {
      try {
        Path dir = Files.createTempDirectory("cogent-sqlite-template");
        Path file = dir.resolve("template.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        // Closing the last connection checkpoints the write-ahead log into the file, so the file
        // alone is the whole database.
        Database.open(new StoreSettings(dir, url, null, null, 2)).close();
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the SQLite template database", e);
      }
    }
  }
}
