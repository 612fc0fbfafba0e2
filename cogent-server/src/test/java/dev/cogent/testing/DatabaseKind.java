package dev.cogent.testing;

import java.nio.file.Path;

/** The two stores every repository and HTTP test runs against. */
public enum DatabaseKind {
  SQLITE,
  POSTGRESQL;

  /**
   * A database URL for a fresh database of this kind: its schema is at the current migration and it
   * holds no rows.
   */
  public String newDatabaseUrl(Path dir) {
    return switch (this) {
      case SQLITE -> SqliteTemplate.copyTo(dir.resolve("test.db"));
      case POSTGRESQL -> SharedPostgres.newDatabaseUrl();
    };
  }
}
