package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class MemorySearchCorpusPostgresIT extends MemorySearchCorpusContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
