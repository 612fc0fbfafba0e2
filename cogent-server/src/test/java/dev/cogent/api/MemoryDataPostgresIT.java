package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MemoryDataPostgresIT extends MemoryDataApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
