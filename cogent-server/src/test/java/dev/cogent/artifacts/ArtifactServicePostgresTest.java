package dev.cogent.artifacts;

import dev.cogent.testing.DatabaseKind;

class ArtifactServicePostgresTest extends ArtifactServiceContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
