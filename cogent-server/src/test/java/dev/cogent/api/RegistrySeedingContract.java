package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents and skills seeded from the project's {@code .cogent/} folder, across server restarts on
 * the same database; runs on SQLite and PostgreSQL.
 */
abstract class RegistrySeedingContract {

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");

  abstract DatabaseKind kind();

  void write(String relative, String text) throws IOException {
    Path file = dir.resolve("project/.cogent").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void a_broken_file_does_not_stop_the_server_and_good_files_are_served() throws IOException {
    write(
        "agents/reviewer.md", "---\ndescription: Reviews code\nmode: primary\n---\nReview well.\n");
    write("agents/broken.yaml", "mode: [primary\n");
    write("skills/docs/SKILL.md", "---\nname: docs\ndescription: Docs style\n---\n# Docs\n");

    try (TestServer server = TestServer.start(kind(), dir, Map.of(), clock)) {
      JsonNode reviewer = TestServer.json(server.get("/agents/reviewer"));
      assertThat(reviewer.path("system_prompt").asText()).isEqualTo("Review well.");
      assertThat(reviewer.path("source").asText()).isEqualTo("file");
      assertThat(server.get("/agents/broken").statusCode()).isEqualTo(404);
      assertThat(TestServer.json(server.get("/skills")).path("count").asInt()).isEqualTo(1);
      assertThat(server.post("/sessions", "{\"agent_name\": \"reviewer\"}").statusCode())
          .isEqualTo(201);
      assertThat(server.delete("/agents/reviewer").statusCode()).isEqualTo(409);
    }
  }

  @Test
  void an_api_agent_wins_over_a_file_of_the_same_name_across_a_restart() throws IOException {
    Map<String, String> env = Map.of("COGENT_DATABASE_URL", kind().newDatabaseUrl(dir));
    try (TestServer server = TestServer.start(kind(), dir, env, clock)) {
      assertThat(
              server
                  .post("/agents", "{\"name\": \"reviewer\", \"system_prompt\": \"from the API\"}")
                  .statusCode())
          .isEqualTo(201);
    }
    write("agents/reviewer.yaml", "system_prompt: from the file\n");
    write("agents/other.yaml", "system_prompt: v1\n");

    try (TestServer server = TestServer.start(kind(), dir, env, clock)) {
      JsonNode reviewer = TestServer.json(server.get("/agents/reviewer"));
      assertThat(reviewer.path("system_prompt").asText()).isEqualTo("from the API");
      assertThat(reviewer.path("source").asText()).isEqualTo("api");
      assertThat(TestServer.json(server.get("/agents/other")).path("system_prompt").asText())
          .isEqualTo("v1");
    }
    write("agents/other.yaml", "system_prompt: v2\n");
    Files.delete(dir.resolve("project/.cogent/agents/reviewer.yaml"));

    try (TestServer server = TestServer.start(kind(), dir, env, clock)) {
      assertThat(TestServer.json(server.get("/agents/other")).path("system_prompt").asText())
          .as("a changed file updates its row")
          .isEqualTo("v2");
      assertThat(TestServer.json(server.get("/agents/reviewer")).path("source").asText())
          .isEqualTo("api");
    }
    Files.delete(dir.resolve("project/.cogent/agents/other.yaml"));

    try (TestServer server = TestServer.start(kind(), dir, env, clock)) {
      assertThat(server.get("/agents/other").statusCode())
          .as("a removed file removes its row")
          .isEqualTo(404);
    }
  }
}
