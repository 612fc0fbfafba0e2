package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class McpServersPostgresIT extends McpServersApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
