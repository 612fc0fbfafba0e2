package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MemoryUtilitiesSqliteIT extends MemoryUtilitiesApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
