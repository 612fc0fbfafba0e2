package dev.cogent.registry;

import dev.cogent.testing.DatabaseKind;

class RegistrySeederPostgresTest extends RegistrySeederContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
