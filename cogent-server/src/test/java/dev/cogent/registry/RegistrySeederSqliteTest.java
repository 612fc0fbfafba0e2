package dev.cogent.registry;

import dev.cogent.testing.DatabaseKind;

class RegistrySeederSqliteTest extends RegistrySeederContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
