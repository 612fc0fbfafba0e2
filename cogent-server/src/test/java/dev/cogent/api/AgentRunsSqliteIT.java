package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class AgentRunsSqliteIT extends AgentRunsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
