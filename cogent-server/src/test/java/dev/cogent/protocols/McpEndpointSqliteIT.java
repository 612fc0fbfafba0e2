package dev.cogent.protocols;

import dev.cogent.testing.DatabaseKind;

class McpEndpointSqliteIT extends McpEndpointApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
