package dev.cogent.session;

import dev.cogent.testing.DatabaseKind;

class EventLogPostgresTest extends EventLogContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
