package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class IdentityAccessSqliteIT extends IdentityAccessApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
