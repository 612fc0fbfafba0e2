package dev.cogent.artifacts;

import dev.cogent.testing.DatabaseKind;

class ArtifactServiceSqliteTest extends ArtifactServiceContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
