package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class RecoveryPostgresIT extends RecoveryContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
