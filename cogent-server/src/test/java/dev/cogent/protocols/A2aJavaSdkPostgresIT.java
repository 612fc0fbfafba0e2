package dev.cogent.protocols;

import dev.cogent.testing.DatabaseKind;

class A2aJavaSdkPostgresIT extends A2aJavaSdkContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
