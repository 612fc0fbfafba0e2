package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MemoryUtilitiesPostgresIT extends MemoryUtilitiesApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
