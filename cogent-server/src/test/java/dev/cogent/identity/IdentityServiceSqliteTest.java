package dev.cogent.identity;

import dev.cogent.testing.DatabaseKind;

class IdentityServiceSqliteTest extends IdentityServiceContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
