package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MiddlewareSqliteIT extends MiddlewareApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
