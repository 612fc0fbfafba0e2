package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class AgentsPostgresIT extends AgentsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
