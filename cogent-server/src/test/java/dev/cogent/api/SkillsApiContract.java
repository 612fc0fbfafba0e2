package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The skill endpoints over real HTTP; runs on SQLite and PostgreSQL. */
abstract class SkillsApiContract {

  static final String[] ALICE = {"X-Cognition-Scope-User", "alice"};
  static final String[] BOB = {"X-Cognition-Scope-User", "bob"};
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private final List<TestServer> servers = new ArrayList<>();

  abstract DatabaseKind kind();

  TestServer start(Map<String, String> env) {
    TestServer server = TestServer.start(kind(), dir, env, clock);
    servers.add(server);
    return server;
  }

  @AfterEach
  void stop() {
    servers.forEach(TestServer::close);
  }

  static String skillMd(String name, String description) {
    return "---\nname: " + name + "\ndescription: " + description + "\n---\n# " + name + "\n";
  }

  static String body(Map<String, Object> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> put(TestServer server, String path, String body, String... headers) {
    return server.send("PUT", path, body, headers);
  }

  void writeProjectSkill(String folder, String content) throws IOException {
    Path file = dir.resolve("project/.cogent/skills").resolve(folder).resolve("SKILL.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void creates_gets_and_lists_a_skill_as_the_spec_shows() {
    TestServer server = start(Map.of());
    String content = skillMd("python-testing", "pytest patterns and fixtures");

    HttpResponse<String> created =
        server.post(
            "/skills",
            body(Map.of("name", "python-testing", "content", content, "scope", Map.of())));

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode skill = TestServer.json(created);
    assertThat(skill.path("path").asText()).isEqualTo("/skills/api/python-testing");
    assertThat(skill.path("enabled").asBoolean()).isTrue();
    assertThat(skill.path("description").asText()).isEqualTo("pytest patterns and fixtures");
    assertThat(skill.path("content").asText()).isEqualTo(content);
    assertThat(skill.path("source").asText()).isEqualTo("api");
    assertThat(TestServer.json(server.get("/skills/python-testing"))).isEqualTo(skill);
    JsonNode list = TestServer.json(server.get("/skills"));
    assertThat(list.path("count").asInt()).isEqualTo(1);
    assertThat(list.path("skills").get(0)).isEqualTo(skill);
  }

  @Test
  void a_request_description_wins_over_the_front_matter() {
    TestServer server = start(Map.of());

    JsonNode skill =
        TestServer.json(
            server.post(
                "/skills",
                body(
                    Map.of(
                        "name",
                        "s",
                        "content",
                        skillMd("s", "from the file"),
                        "description",
                        "from the request",
                        "enabled",
                        false))));

    assertThat(skill.path("description").asText()).isEqualTo("from the request");
    assertThat(skill.path("enabled").asBoolean()).isFalse();
  }

  @Test
  void front_matter_without_name_or_description_is_422_naming_what_is_missing() {
    TestServer server = start(Map.of());

    HttpResponse<String> noDescription =
        server.post("/skills", body(Map.of("name", "s", "content", "---\nname: s\n---\n# Body\n")));
    HttpResponse<String> noFrontMatter =
        server.post("/skills", body(Map.of("name", "s", "content", "# Python Testing\n")));

    assertThat(noDescription.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(noDescription).path("error").asText())
        .contains("missing: description");
    assertThat(noFrontMatter.statusCode()).isEqualTo(422);
    assertThat(TestServer.json(noFrontMatter).path("error").asText()).contains("front matter");
  }

  @Test
  void exactly_one_of_content_and_path_is_required() {
    TestServer server = start(Map.of());

    assertThat(server.post("/skills", body(Map.of("name", "s"))).statusCode()).isEqualTo(422);
    assertThat(
            server
                .post(
                    "/skills", body(Map.of("name", "s", "content", skillMd("s", "d"), "path", "s")))
                .statusCode())
        .isEqualTo(422);
  }

  @Test
  void a_path_inside_the_skills_folder_is_read_at_request_time() throws IOException {
    writeProjectSkill("drafts/review", skillMd("review", "How we review"));
    TestServer server = start(Map.of());

    HttpResponse<String> created =
        server.post("/skills", body(Map.of("name", "review", "path", "drafts/review")));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(TestServer.json(created).path("description").asText()).isEqualTo("How we review");
    assertThat(TestServer.json(created).path("path").asText()).isEqualTo("/skills/api/review");
  }

  @Test
  void paths_outside_the_skills_folder_are_422() throws IOException {
    Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(dir.resolve("elsewhere/SKILL.md"), skillMd("evil", "outside"));
    TestServer server = start(Map.of());

    for (String path :
        List.of(
            "../../../elsewhere/SKILL.md",
            dir.resolve("elsewhere/SKILL.md").toAbsolutePath().toString(),
            "missing")) {
      HttpResponse<String> response =
          server.post("/skills", body(Map.of("name", "evil", "path", path)));
      assertThat(response.statusCode()).as(path).isEqualTo(422);
      assertThat(
              TestServer.json(response)
                  .path("details")
                  .path("errors")
                  .get(0)
                  .path("field")
                  .asText())
          .isEqualTo("path");
    }
  }

  @Test
  void put_patch_and_delete_an_api_skill() {
    TestServer server = start(Map.of());
    server.post("/skills", body(Map.of("name", "s", "content", skillMd("s", "v1"))));

    HttpResponse<String> patched = server.patch("/skills/s", "{\"enabled\": false}");
    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(patched).path("enabled").asBoolean()).isFalse();
    assertThat(TestServer.json(patched).path("description").asText()).isEqualTo("v1");

    HttpResponse<String> replaced =
        put(server, "/skills/s", body(Map.of("name", "s", "content", skillMd("s", "v2"))));
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(replaced).path("description").asText()).isEqualTo("v2");
    assertThat(TestServer.json(replaced).path("enabled").asBoolean()).as("PUT resets").isTrue();

    assertThat(server.patch("/skills/s", body(Map.of("content", "no front matter"))).statusCode())
        .isEqualTo(422);
    assertThat(server.delete("/skills/s").statusCode()).isEqualTo(204);
    assertThat(server.get("/skills/s").statusCode()).isEqualTo(404);
    assertThat(server.delete("/skills/s").statusCode()).isEqualTo(404);
    assertThat(server.patch("/skills/s", "{\"enabled\": true}").statusCode()).isEqualTo(404);
    assertThat(put(server, "/skills/s", body(Map.of("content", skillMd("s", "v3")))).statusCode())
        .isEqualTo(404);
  }

  @Test
  void file_skills_are_listed_with_their_file_and_refuse_changes_with_409() throws IOException {
    writeProjectSkill("docs-style", skillMd("docs-style", "How we write docs"));
    TestServer server = start(Map.of());

    JsonNode skill = TestServer.json(server.get("/skills/docs-style"));
    assertThat(skill.path("source").asText()).isEqualTo("file");
    assertThat(skill.path("path").asText()).endsWith("docs-style/SKILL.md");

    assertThat(server.patch("/skills/docs-style", "{\"enabled\": false}").statusCode())
        .isEqualTo(409);
    assertThat(
            put(
                    server,
                    "/skills/docs-style",
                    body(Map.of("content", skillMd("docs-style", "mine"))))
                .statusCode())
        .isEqualTo(409);
    assertThat(server.delete("/skills/docs-style").statusCode()).isEqualTo(409);
    assertThat(
            server
                .post(
                    "/skills",
                    body(Map.of("name", "docs-style", "content", skillMd("docs-style", "mine"))))
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void skills_of_two_scopes_are_isolated() {
    TestServer server =
        start(Map.of("COGENT_SCOPING_ENABLED", "true", "COGENT_SCOPE_KEYS", "user"));

    assertThat(
            server
                .post(
                    "/skills", body(Map.of("name", "s", "content", skillMd("s", "alice's"))), ALICE)
                .statusCode())
        .isEqualTo(201);

    assertThat(server.get("/skills/s", BOB).statusCode()).isEqualTo(404);
    assertThat(TestServer.json(server.get("/skills", BOB)).path("count").asInt()).isZero();
    assertThat(server.delete("/skills/s", BOB).statusCode()).isEqualTo(404);
    assertThat(TestServer.json(server.get("/skills/s", ALICE)).path("scope").path("user").asText())
        .isEqualTo("alice");
  }
}
