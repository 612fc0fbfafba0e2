package dev.cogent.testing;

import java.nio.file.Path;

/** The two stores every repository and HTTP test runs against. */
public enum DatabaseKind {
  SQLITE,
  POSTGRESQL;

  /** A database URL for a fresh, empty database of this kind. */
  public String newDatabaseUrl(Path dir) {
    return switch (this) {
      case SQLITE -> "jdbc:sqlite:" + dir.resolve("test.db").toAbsolutePath();
      case POSTGRESQL -> SharedPostgres.newDatabaseUrl();
    };
  }
}
