package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class ModelsSqliteIT extends ModelsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
