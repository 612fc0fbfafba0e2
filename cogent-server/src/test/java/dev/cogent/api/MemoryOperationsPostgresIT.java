package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MemoryOperationsPostgresIT extends MemoryOperationsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
