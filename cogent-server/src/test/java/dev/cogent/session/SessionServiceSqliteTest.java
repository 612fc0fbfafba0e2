package dev.cogent.session;

import dev.cogent.testing.DatabaseKind;

class SessionServiceSqliteTest extends SessionServiceContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
