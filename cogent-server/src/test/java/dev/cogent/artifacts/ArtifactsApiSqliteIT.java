package dev.cogent.artifacts;

import dev.cogent.testing.DatabaseKind;

class ArtifactsApiSqliteIT extends ArtifactsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
