package dev.cogent.protocols;

import dev.cogent.testing.DatabaseKind;

class A2aSqliteIT extends A2aApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
