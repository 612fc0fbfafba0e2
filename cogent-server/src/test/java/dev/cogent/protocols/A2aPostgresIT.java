package dev.cogent.protocols;

import dev.cogent.testing.DatabaseKind;

class A2aPostgresIT extends A2aApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
