package dev.cogent.session;

import dev.cogent.testing.DatabaseKind;

class EventLogSqliteTest extends EventLogContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
