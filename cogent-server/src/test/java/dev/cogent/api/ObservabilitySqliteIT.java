package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class ObservabilitySqliteIT extends ObservabilityApiContract {

  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
