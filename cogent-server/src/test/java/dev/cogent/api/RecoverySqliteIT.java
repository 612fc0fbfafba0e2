package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class RecoverySqliteIT extends RecoveryContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
