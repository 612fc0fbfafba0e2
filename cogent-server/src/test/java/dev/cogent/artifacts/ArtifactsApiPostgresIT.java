package dev.cogent.artifacts;

import dev.cogent.testing.DatabaseKind;

class ArtifactsApiPostgresIT extends ArtifactsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
