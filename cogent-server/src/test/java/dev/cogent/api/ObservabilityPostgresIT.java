package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class ObservabilityPostgresIT extends ObservabilityApiContract {

  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
