package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token bucket of "Rate Limiting" in spec 001, on a clock the test moves. */
class RateLimitIT {

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void refuses_past_the_burst_and_refills_with_time() {
    server =
        TestServer.start(
            DatabaseKind.SQLITE,
            dir,
            Map.of("COGENT_RATE_LIMIT_PER_MINUTE", "60", "COGENT_RATE_LIMIT_BURST", "3"),
            clock);

    for (int i = 0; i < 3; i++) {
      HttpResponse<String> ok = server.get("/sessions");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("X-RateLimit-Limit")).hasValue("60");
      assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(String.valueOf(2 - i));
    }
    HttpResponse<String> limited = server.get("/sessions");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(TestServer.json(limited).path("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(TestServer.json(limited).path("error").asText()).isEqualTo("Rate limit exceeded");
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");

    clock.advance(Duration.ofSeconds(1));
    assertThat(server.get("/sessions").statusCode()).isEqualTo(200);
    assertThat(server.get("/sessions").statusCode()).isEqualTo(429);
  }

  @Test
  void probes_are_never_limited() {
    server =
        TestServer.start(
            DatabaseKind.SQLITE,
            dir,
            Map.of("COGENT_RATE_LIMIT_PER_MINUTE", "1", "COGENT_RATE_LIMIT_BURST", "1"),
            clock);

    for (int i = 0; i < 5; i++) {
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void each_scope_has_its_own_bucket() {
    server =
        TestServer.start(
            DatabaseKind.SQLITE,
            dir,
            Map.of(
                "COGENT_RATE_LIMIT_PER_MINUTE", "1",
                "COGENT_RATE_LIMIT_BURST", "1",
                "COGENT_SCOPING_ENABLED", "true",
                "COGENT_SCOPE_KEYS", "user"),
            clock);

    assertThat(server.get("/sessions", "X-Cognition-Scope-User", "alice").statusCode())
        .isEqualTo(200);
    assertThat(server.get("/sessions", "X-Cognition-Scope-User", "alice").statusCode())
        .isEqualTo(429);
    assertThat(server.get("/sessions", "X-Cognition-Scope-User", "bob").statusCode())
        .isEqualTo(200);
  }
}
