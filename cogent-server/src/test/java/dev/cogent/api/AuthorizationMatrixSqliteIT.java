package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class AuthorizationMatrixSqliteIT extends AuthorizationMatrixContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
