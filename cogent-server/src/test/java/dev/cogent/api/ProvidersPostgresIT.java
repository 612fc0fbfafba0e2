package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class ProvidersPostgresIT extends ProvidersApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
