package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class AuthorizationMatrixPostgresIT extends AuthorizationMatrixContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
