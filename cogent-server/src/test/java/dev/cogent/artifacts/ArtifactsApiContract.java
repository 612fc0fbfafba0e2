package dev.cogent.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.store.Database;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact endpoints over real HTTP, with scoping on and two callers; runs on SQLite and
 * PostgreSQL. Every response is checked against the OpenAPI document by {@link TestServer}.
 */
abstract class ArtifactsApiContract {

  private static final String[] ALICE = {"X-Cognition-Scope-User", "alice"};
  private static final String[] BOB = {"X-Cognition-Scope-User", "bob"};

  private static final String PLAN =
      """
      {"id": "deployment-plan", "name": "Deployment Plan", "artifact_type": "artifact",
       "content": "# Deployment Plan\\nv1", "content_type": "text/markdown",
       "path": "/plans/deployment.md", "visibility": "public"}
      """;

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-05-21T10:00:00Z");
  TestServer server;

  abstract DatabaseKind kind();

  @BeforeEach
  void start() {
    server =
        TestServer.start(
            kind(),
            dir,
            Map.of("COGENT_SCOPING_ENABLED", "true", "COGENT_SCOPE_KEYS", "[\"user\"]"),
            clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> put(String path, String body, String... headers) {
    return server.send("PUT", path, body, headers);
  }

  private static JsonNode json(HttpResponse<String> response) {
    return TestServer.json(response);
  }

  private static String code(HttpResponse<String> response) {
    return json(response).path("code").asText();
  }

  @Test
  void creates_reads_and_versions_an_artifact_as_the_spec_shows() {
    HttpResponse<String> created = server.post("/artifacts", PLAN, ALICE);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode artifact = json(created);
    assertThat(artifact.path("id").asText()).isEqualTo("deployment-plan");
    assertThat(artifact.path("version").asInt()).isEqualTo(1);
    assertThat(artifact.path("parent_version").isNull()).isTrue();
    assertThat(artifact.path("run_id").isNull()).isTrue();
    assertThat(artifact.path("visibility").asText()).isEqualTo("public");
    assertThat(artifact.path("scope").path("user").asText()).isEqualTo("alice");
    assertThat(artifact.path("source").asText()).isEqualTo("api");
    assertThat(artifact.path("created_at").asText()).isEqualTo("2026-05-21T10:00:00Z");

    clock.advance(Duration.ofHours(1));
    HttpResponse<String> updated =
        put(
            "/artifacts/deployment-plan",
            "{\"content\": \"# Updated plan\", \"name\": \"Updated Plan\"}",
            ALICE);
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(json(updated).path("version").asInt()).isEqualTo(2);
    assertThat(json(updated).path("parent_version").asInt()).isEqualTo(1);
    assertThat(json(updated).path("updated_at").asText()).isEqualTo("2026-05-21T11:00:00Z");
    assertThat(json(updated).path("created_at").asText()).isEqualTo("2026-05-21T10:00:00Z");

    JsonNode latest = json(server.get("/artifacts/deployment-plan", ALICE));
    assertThat(latest.path("content").asText()).isEqualTo("# Updated plan");
    assertThat(latest.path("name").asText()).isEqualTo("Updated Plan");

    HttpResponse<String> versions = server.get("/artifacts/deployment-plan/versions", ALICE);
    assertThat(versions.statusCode()).isEqualTo(200);
    assertThat(json(versions).path("artifact_id").asText()).isEqualTo("deployment-plan");
    assertThat(json(versions).path("count").asInt()).isEqualTo(2);
    assertThat(json(versions).path("versions").get(0).path("version").asInt()).isEqualTo(2);
    assertThat(json(versions).path("versions").get(1).path("created_at").asText())
        .isEqualTo("2026-05-21T10:00:00Z");

    HttpResponse<String> first = server.get("/artifacts/deployment-plan/versions/1", ALICE);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(json(first).path("content").asText()).isEqualTo("# Deployment Plan\nv1");
    assertThat(json(first).path("name").asText()).isEqualTo("Deployment Plan");
  }

  @Test
  void a_metadata_only_put_keeps_the_version() {
    server.post("/artifacts", PLAN, ALICE);

    HttpResponse<String> response =
        put(
            "/artifacts/deployment-plan",
            "{\"visibility\": \"private\", \"run_id\": \"r1\"}",
            ALICE);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("version").asInt()).isEqualTo(1);
    assertThat(json(response).path("visibility").asText()).isEqualTo("private");
    assertThat(json(server.get("/artifacts/deployment-plan/versions", ALICE)).path("count").asInt())
        .isEqualTo(1);
  }

  @Test
  void lists_with_type_and_run_filters() {
    server.post("/artifacts", PLAN, ALICE);
    server.post(
        "/artifacts",
        "{\"id\": \"done\", \"name\": \"Done\", \"artifact_type\": \"contract\","
            + " \"content\": \"tests pass\", \"run_id\": \"run-1\"}",
        ALICE);

    HttpResponse<String> all = server.get("/artifacts", ALICE);
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(json(all).path("count").asInt()).isEqualTo(2);
    assertThat(json(server.get("/artifacts?artifact_type=contract", ALICE)).path("artifacts"))
        .extracting(a -> a.path("id").asText())
        .containsExactly("done");
    assertThat(json(server.get("/artifacts?run_id=run-1", ALICE)).path("count").asInt())
        .isEqualTo(1);
    assertThat(json(server.get("/artifacts?run_id=run-2", ALICE)).path("count").asInt()).isZero();

    HttpResponse<String> badType = server.get("/artifacts?artifact_type=notes", ALICE);
    assertThat(badType.statusCode()).isEqualTo(422);
    assertThat(badType.body()).contains("artifact_type");
  }

  @Test
  void creating_an_existing_id_is_409() {
    server.post("/artifacts", PLAN, ALICE);

    HttpResponse<String> again = server.post("/artifacts", PLAN, ALICE);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(code(again)).isEqualTo("CONFLICT");
    assertThat(server.post("/artifacts", PLAN, BOB).statusCode())
        .as("the same id in another scope is another artifact")
        .isEqualTo(201);
  }

  @Test
  void invalid_requests_are_422_naming_the_field() {
    assertInvalid(
        server.post(
            "/artifacts",
            "{\"id\": \"a\", \"name\": \"A\", \"artifact_type\": \"notes\", \"content\": \"c\"}",
            ALICE),
        "artifact_type");
    assertInvalid(
        server.post(
            "/artifacts",
            "{\"id\": \"a\", \"name\": \"A\", \"artifact_type\": \"eval\", \"content\": \"c\","
                + " \"visibility\": \"secret\"}",
            ALICE),
        "visibility");
    assertInvalid(server.post("/artifacts", "{\"name\": \"A\"}", ALICE), "content");
    assertInvalid(
        server.post(
            "/artifacts",
            "{\"id\": \"a\", \"name\": \"A\", \"artifact_type\": \"eval\", \"content\": \"c\","
                + " \"scope\": {\"user\": \"bob\"}}",
            ALICE),
        "scope");
    assertInvalid(
        server.post(
            "/artifacts",
            "{\"id\": \"a\", \"name\": \"A\", \"artifact_type\": \"eval\", \"content\": \"c\","
                + " \"colour\": \"red\"}",
            ALICE),
        "colour");
    assertInvalid(
        server.post(
            "/artifacts",
            "{\"id\": \"a\", \"name\": \"A\", \"artifact_type\": \"eval\", \"content\": \""
                + "x".repeat(ArtifactValidator.MAX_CONTENT_BYTES + 1)
                + "\"}",
            ALICE),
        "content");

    server.post("/artifacts", PLAN, ALICE);
    assertInvalid(
        put("/artifacts/deployment-plan", "{\"visibility\": \"all\"}", ALICE), "visibility");
    assertInvalid(server.get("/artifacts/deployment-plan/versions/0", ALICE), "version");
    assertInvalid(server.get("/artifacts/deployment-plan/versions/two", ALICE), "version");
  }

  private static void assertInvalid(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(code(response)).isEqualTo("VALIDATION_ERROR");
    assertThat(json(response).path("details").path("errors"))
        .extracting(e -> e.path("field").asText())
        .contains(field);
  }

  @Test
  void malformed_json_is_400_and_a_missing_scope_header_403() {
    HttpResponse<String> malformed = server.post("/artifacts", "{\"id\": ", ALICE);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(code(malformed)).isEqualTo("BAD_REQUEST");

    HttpResponse<String> unscoped = server.get("/artifacts");
    assertThat(unscoped.statusCode()).isEqualTo(403);
    assertThat(code(unscoped)).isEqualTo("PERMISSION_DENIED");
  }

  @Test
  void unknown_artifacts_and_versions_are_404() {
    assertThat(server.get("/artifacts/ghost", ALICE).statusCode()).isEqualTo(404);
    assertThat(put("/artifacts/ghost", "{\"content\": \"x\"}", ALICE).statusCode()).isEqualTo(404);
    assertThat(server.delete("/artifacts/ghost", ALICE).statusCode()).isEqualTo(404);
    assertThat(server.get("/artifacts/ghost/versions", ALICE).statusCode()).isEqualTo(404);
    assertThat(server.get("/artifacts/ghost/versions/1", ALICE).statusCode()).isEqualTo(404);

    server.post("/artifacts", PLAN, ALICE);
    HttpResponse<String> noSuchVersion = server.get("/artifacts/deployment-plan/versions/7", ALICE);
    assertThat(noSuchVersion.statusCode()).isEqualTo(404);
    assertThat(code(noSuchVersion)).isEqualTo("NOT_FOUND");
  }

  @Test
  void deletes_an_artifact_with_all_its_versions() {
    server.post("/artifacts", PLAN, ALICE);
    put("/artifacts/deployment-plan", "{\"content\": \"v2\"}", ALICE);

    assertThat(server.delete("/artifacts/deployment-plan", ALICE).statusCode()).isEqualTo(204);

    assertThat(server.get("/artifacts/deployment-plan", ALICE).statusCode()).isEqualTo(404);
    assertThat(server.get("/artifacts/deployment-plan/versions/2", ALICE).statusCode())
        .isEqualTo(404);
    assertThat(server.delete("/artifacts/deployment-plan", ALICE).statusCode()).isEqualTo(404);
  }

  @Test
  void another_scopes_artifact_is_invisible_everywhere() {
    server.post("/artifacts", PLAN, ALICE);

    assertThat(server.get("/artifacts/deployment-plan", BOB).statusCode()).isEqualTo(404);
    assertThat(put("/artifacts/deployment-plan", "{\"content\": \"x\"}", BOB).statusCode())
        .isEqualTo(404);
    assertThat(server.delete("/artifacts/deployment-plan", BOB).statusCode()).isEqualTo(404);
    assertThat(server.get("/artifacts/deployment-plan/versions", BOB).statusCode()).isEqualTo(404);
    assertThat(server.get("/artifacts/deployment-plan/versions/1", BOB).statusCode())
        .isEqualTo(404);
    assertThat(json(server.get("/artifacts", BOB)).path("count").asInt()).isZero();
    assertThat(json(server.get("/artifacts/deployment-plan", ALICE)).path("version").asInt())
        .isEqualTo(1);
  }

  @Test
  void a_global_artifact_is_shared_by_every_scope() {
    HttpResponse<String> created =
        server.post(
            "/artifacts",
            "{\"id\": \"handbook\", \"name\": \"Handbook\", \"artifact_type\": \"memory\","
                + " \"content\": \"shared\", \"scope\": {}}",
            ALICE);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).path("scope").size()).isZero();
    assertThat(json(server.get("/artifacts/handbook", BOB)).path("content").asText())
        .isEqualTo("shared");
  }

  @Test
  void policy_artifacts_are_read_only_through_put() {
    server.post(
        "/artifacts",
        "{\"id\": \"policy\", \"name\": \"Policy\", \"artifact_type\": \"policy\","
            + " \"content\": \"no secrets\"}",
        ALICE);

    HttpResponse<String> response = put("/artifacts/policy", "{\"content\": \"anything\"}", ALICE);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(code(response)).isEqualTo("CONFLICT");
    assertThat(json(server.get("/artifacts/policy", ALICE)).path("content").asText())
        .isEqualTo("no secrets");
  }

  @Test
  void file_managed_artifacts_are_409_on_put_and_delete() {
    try (Database database = Database.open(server.settings().store())) {
      var seeded =
          new Artifact(
              "house-rules",
              "House rules",
              ArtifactType.CONTRACT,
              ".cogent/artifacts/house-rules.md",
              "be brief",
              "text/markdown",
              1,
              null,
              null,
              null,
              Visibility.PUBLIC,
              Map.of("user", "alice"),
              ArtifactSource.FILE,
              clock.instant(),
              clock.instant());
      assertThat(new ArtifactRepository(database).insert(seeded)).isTrue();
    }

    assertThat(json(server.get("/artifacts/house-rules", ALICE)).path("source").asText())
        .isEqualTo("file");
    HttpResponse<String> changed = put("/artifacts/house-rules", "{\"name\": \"x\"}", ALICE);
    assertThat(changed.statusCode()).isEqualTo(409);
    assertThat(json(changed).path("error").asText()).contains("file-managed");
    assertThat(server.delete("/artifacts/house-rules", ALICE).statusCode()).isEqualTo(409);
    assertThat(server.get("/artifacts/house-rules", ALICE).statusCode()).isEqualTo(200);
  }

  @Test
  void capabilities_report_artifacts() {
    assertThat(json(server.get("/capabilities")).path("features").path("artifacts").asBoolean())
        .isTrue();
  }
}
