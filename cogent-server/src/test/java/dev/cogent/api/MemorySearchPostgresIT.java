package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MemorySearchPostgresIT extends MemorySearchApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
