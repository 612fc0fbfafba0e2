package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class ModelsPostgresIT extends ModelsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
