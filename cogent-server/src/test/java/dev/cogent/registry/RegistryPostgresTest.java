package dev.cogent.registry;

import dev.cogent.testing.DatabaseKind;

class RegistryPostgresTest extends RegistryContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
