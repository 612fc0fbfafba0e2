package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class ToolsPostgresIT extends ToolsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
