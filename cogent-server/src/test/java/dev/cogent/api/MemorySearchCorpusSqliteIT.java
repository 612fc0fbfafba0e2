package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MemorySearchCorpusSqliteIT extends MemorySearchCorpusContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
