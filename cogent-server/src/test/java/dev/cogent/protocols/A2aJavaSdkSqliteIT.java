package dev.cogent.protocols;

import dev.cogent.testing.DatabaseKind;

class A2aJavaSdkSqliteIT extends A2aJavaSdkContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
