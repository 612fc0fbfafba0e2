package dev.cogent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import dev.cogent.tools.sandbox.SandboxProbe;
import dev.cogent.tools.sandbox.Sandboxes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /capabilities} lists the sandbox backends that work on this machine. */
class SandboxCapabilitiesIT {

  @TempDir Path dir;

  @Test
  void capabilities_list_the_working_backends_and_the_chosen_one() {
    List<String> working = new ArrayList<>();
    new Sandboxes(System.getenv())
        .probeAll()
        .forEach(
            probe -> {
              if (probe.works()) {
                working.add(probe.backend());
              }
            });

    try (TestServer server =
        TestServer.start(
            DatabaseKind.SQLITE, dir, Map.of(), MutableClock.at("2026-03-19T12:00:00Z"))) {
      JsonNode capabilities = TestServer.json(server.get("/capabilities"));

      List<String> listed = new ArrayList<>();
      capabilities.path("sandbox_backends").forEach(node -> listed.add(node.asText()));
      assertThat(listed).contains("local").containsExactlyElementsOf(working);
      assertThat(capabilities.path("deployment").path("sandbox_backend").asText())
          .isEqualTo("local");
    }
  }

  @Test
  void the_server_runs_with_bubblewrap_where_it_works() {
    SandboxProbe probe = new Sandboxes(System.getenv()).probe("bubblewrap");
    assumeTrue(probe.works(), () -> "bubblewrap does not work on this machine: " + probe.problem());

    try (TestServer server =
        TestServer.start(
            DatabaseKind.SQLITE,
            dir,
            Map.of("COGENT_SANDBOX_BACKEND", "bubblewrap"),
            MutableClock.at("2026-03-19T12:00:00Z"))) {
      JsonNode capabilities = TestServer.json(server.get("/capabilities"));

      assertThat(capabilities.path("deployment").path("sandbox_backend").asText())
          .isEqualTo("bubblewrap");
    }
  }
}
