package dev.cogent.store;

import java.sql.SQLException;

/**
 * The few places where SQLite and PostgreSQL differ. Everything else is the same SQL, run by the
 * same migrations.
 */
public interface Dialect {

  /** {@code sqlite} or {@code postgresql}, as reported by {@code /capabilities}. */
  String name();

  /** Whether the exception (or one of its causes) is a unique or primary key violation. */
  boolean isUniqueViolation(Throwable error);

  /**
   * Whether write transactions must be serialized by the application. SQLite allows one writer at a
   * time; letting writers race makes it answer {@code SQLITE_BUSY}, which must never reach a
   * client.
   */
  boolean serializesWrites();

  static boolean causedBySqlState(Throwable error, String sqlState) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
