package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class BuiltinToolsSqliteIT extends BuiltinToolsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
