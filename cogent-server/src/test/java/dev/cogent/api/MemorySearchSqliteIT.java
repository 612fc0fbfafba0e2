package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MemorySearchSqliteIT extends MemorySearchApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
