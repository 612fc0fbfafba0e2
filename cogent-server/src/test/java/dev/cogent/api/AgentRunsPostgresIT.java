package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class AgentRunsPostgresIT extends AgentRunsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
