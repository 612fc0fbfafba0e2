package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.settings.SettingsException;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safe by default: without authentication the server listens on loopback only. */
class ExposureIT {

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");

  @Test
  void refuses_a_public_address_without_authentication_naming_both_ways_out() {
    assertThatThrownBy(
            () ->
                TestServer.start(DatabaseKind.SQLITE, dir, Map.of("COGENT_HOST", "0.0.0.0"), clock))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("Refusing to listen on 0.0.0.0")
        .hasMessageContaining("COGENT_REQUIRE_AUTHENTICATION=true")
        .hasMessageContaining("--allow-unauthenticated");
  }

  @Test
  void allow_unauthenticated_opens_a_public_address() {
    try (TestServer server =
        TestServer.start(
            DatabaseKind.SQLITE,
            dir,
            Map.of("COGENT_HOST", "0.0.0.0", "COGENT_ALLOW_UNAUTHENTICATED", "true"),
            clock)) {
      assertThat(server.settings().server().allowUnauthenticated()).isTrue();
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void authentication_on_opens_a_public_address() {
    try (TestServer server =
        TestServer.start(
            DatabaseKind.SQLITE,
            dir,
            Map.of("COGENT_HOST", "0.0.0.0", "COGENT_REQUIRE_AUTHENTICATION", "true"),
            clock)) {
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }
  }
}
