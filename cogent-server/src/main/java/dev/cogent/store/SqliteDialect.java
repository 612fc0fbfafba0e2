package dev.cogent.store;

import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

final class SqliteDialect implements Dialect {

  private static final Set<SQLiteErrorCode> UNIQUE_VIOLATIONS =
      Set.of(
          SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY, SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public boolean isUniqueViolation(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite
          && UNIQUE_VIOLATIONS.contains(sqlite.getResultCode())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean serializesWrites() {
    return true;
  }
}
