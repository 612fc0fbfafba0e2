package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class BuiltinToolsPostgresIT extends BuiltinToolsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
