package dev.cogent.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code COGENT_A2A_ENABLED=false} unmounts the A2A endpoints and says so in /capabilities. */
class A2aDisabledIT {

  @TempDir Path dir;

  @Test
  void disabled_a2a_is_not_mounted_and_capabilities_say_false() {
    try (TestServer server =
        TestServer.start(
            DatabaseKind.SQLITE,
            dir,
            Map.of("COGENT_A2A_ENABLED", "false"),
            MutableClock.at("2026-03-02T12:00:00Z"))) {
      server.post(
          "/agents", "{\"name\": \"exposed\", \"system_prompt\": \"Hi.\", \"a2a_exposed\": true}");

      assertThat(server.sendOffApi("GET", "/.well-known/agent-card.json", null).statusCode())
          .isEqualTo(404);
      assertThat(
              server
                  .sendOffApi("GET", "/a2a/exposed/.well-known/agent-card.json", null)
                  .statusCode())
          .isEqualTo(404);
      assertThat(
              server
                  .sendOffApi(
                      "POST",
                      "/a2a/exposed",
                      "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"SendMessage\"}")
                  .statusCode())
          .isEqualTo(404);
      JsonNode features = TestServer.json(server.get("/capabilities")).path("features");
      assertThat(features.path("a2a").asBoolean()).isFalse();
      assertThat(features.path("a2a_jsonrpc").asBoolean()).isFalse();
      assertThat(features.path("a2a_streaming").asBoolean()).isFalse();
      assertThat(features.path("a2a_per_agent_cards").asBoolean()).isFalse();
    }
  }
}
