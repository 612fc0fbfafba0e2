package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;

/**
 * The built-in tools with {@code execute} in the bubblewrap sandbox, on SQLite (the sandbox does
 * not depend on the store). Skipped, saying why, where {@code bwrap} is missing or does not work
 * (the contract's start checks the sandbox first).
 */
class BuiltinToolsBubblewrapIT extends BuiltinToolsApiContract {

  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }

  @Override
  String sandbox() {
    return "bubblewrap";
  }
}
