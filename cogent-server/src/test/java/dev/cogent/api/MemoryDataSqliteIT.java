package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MemoryDataSqliteIT extends MemoryDataApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
