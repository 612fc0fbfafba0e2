package dev.cogent.protocols;

import dev.cogent.testing.DatabaseKind;

class McpEndpointPostgresIT extends McpEndpointApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
