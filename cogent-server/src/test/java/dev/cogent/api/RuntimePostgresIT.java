package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class RuntimePostgresIT extends RuntimeApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
