package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class IdentityAccessPostgresIT extends IdentityAccessApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
