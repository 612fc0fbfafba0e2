package dev.cogent.registry;

import dev.cogent.testing.DatabaseKind;

class RegistrySqliteTest extends RegistryContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
