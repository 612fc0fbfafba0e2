package dev.cogent.memory;

import dev.cogent.testing.DatabaseKind;

class GraphRepositoryPostgresTest extends GraphRepositoryContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
