package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MiddlewarePostgresIT extends MiddlewareApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
