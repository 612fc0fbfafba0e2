package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class McpServersSqliteIT extends McpServersApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
