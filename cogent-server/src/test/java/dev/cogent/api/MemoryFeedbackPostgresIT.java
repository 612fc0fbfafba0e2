package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MemoryFeedbackPostgresIT extends MemoryFeedbackApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
