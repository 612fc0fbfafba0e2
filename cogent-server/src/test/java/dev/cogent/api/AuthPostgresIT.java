package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class AuthPostgresIT extends AuthApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
