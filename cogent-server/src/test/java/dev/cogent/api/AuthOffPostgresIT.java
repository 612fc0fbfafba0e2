package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class AuthOffPostgresIT extends AuthOffApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
