package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class SkillsSqliteIT extends SkillsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }
}
