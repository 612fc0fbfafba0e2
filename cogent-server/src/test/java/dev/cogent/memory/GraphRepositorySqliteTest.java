package dev.cogent.memory;

import dev.cogent.testing.DatabaseKind;

class GraphRepositorySqliteTest extends GraphRepositoryContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
