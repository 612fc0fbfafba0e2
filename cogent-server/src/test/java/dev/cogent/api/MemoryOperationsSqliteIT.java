package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MemoryOperationsSqliteIT extends MemoryOperationsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
