package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class RegistrySeedingPostgresIT extends RegistrySeedingContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
