package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class ToolsSqliteIT extends ToolsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
