package dev.cogent.session;

import dev.cogent.testing.DatabaseKind;

class SessionServicePostgresTest extends SessionServiceContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
