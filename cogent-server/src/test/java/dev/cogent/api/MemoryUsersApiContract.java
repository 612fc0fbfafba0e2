package dev.cogent.api;

import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that requires authentication, with an admin (the first user) and two users, Alice and
 * Bob, for memory contracts that check who may see what.
 */
abstract class MemoryUsersApiContract {

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");

  /** The environment the server was started with. */
  Map<String, String> env;

  TestServer server;
  MemoryHttp http;
  String alice;
  String bob;

  abstract DatabaseKind kind();

  /** The server's environment: authentication required, and whatever a contract adds. */
  Map<String, String> environment() {
    return Map.of("COGENT_REQUIRE_AUTHENTICATION", "true");
  }

  @BeforeEach
  void start() {
    env = environment();
    server = TestServer.start(kind(), dir, env, clock);
    http = new MemoryHttp(server);
    http.user("admin@example.com");
    alice = http.user("alice@example.com");
    bob = http.user("bob@example.com");
  }

  @AfterEach
  void stop() {
    server.close();
  }
}
