package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class AuthOffSqliteIT extends AuthOffApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
