package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class SessionsSqliteIT extends SessionsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
