package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class AuthSqliteIT extends AuthApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
