package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

class SkillsPostgresIT extends SkillsApiContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.POSTGRESQL;
  }
}
