package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class ProvidersSqliteIT extends ProvidersApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
