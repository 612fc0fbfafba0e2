package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class SessionsPostgresIT extends SessionsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
