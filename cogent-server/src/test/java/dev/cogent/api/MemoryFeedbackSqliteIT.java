package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MemoryFeedbackSqliteIT extends MemoryFeedbackApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
