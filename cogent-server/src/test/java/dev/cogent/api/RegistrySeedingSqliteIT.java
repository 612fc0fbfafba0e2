package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class RegistrySeedingSqliteIT extends RegistrySeedingContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
