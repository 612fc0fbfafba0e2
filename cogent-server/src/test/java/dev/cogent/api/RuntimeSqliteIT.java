package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class RuntimeSqliteIT extends RuntimeApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
