package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class AgentsSqliteIT extends AgentsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
