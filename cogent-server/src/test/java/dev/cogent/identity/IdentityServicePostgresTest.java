package dev.cogent.identity;

import dev.cogent.testing.DatabaseKind;

class IdentityServicePostgresTest extends IdentityServiceContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
