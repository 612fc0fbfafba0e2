package dev.cogent.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cogent.testing.DatabaseKind;
import dev.cogent.tools.sandbox.SandboxProbe;
import dev.cogent.tools.sandbox.Sandboxes;
import org.junit.jupiter.api.BeforeAll;

/**
 * The built-in tools with {@code execute} in the bubblewrap sandbox, on SQLite (the sandbox does
 * not depend on the store). Skipped, saying why, where {@code bwrap} is missing or does not work.
 */
class BuiltinToolsBubblewrapIT extends BuiltinToolsApiContract {

  @BeforeAll
  static void needsBubblewrap() {
    SandboxProbe probe = new Sandboxes(System.getenv()).probe("bubblewrap");
    assumeTrue(probe.works(), () -> "bubblewrap does not work on this machine: " + probe.problem());
  }

  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }

  @Override
  String sandbox() {
    return "bubblewrap";
  }
}
