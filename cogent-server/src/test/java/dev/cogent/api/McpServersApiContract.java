package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.McpTestServer;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The MCP server endpoints over real HTTP; runs on SQLite and PostgreSQL. */
abstract class McpServersApiContract {

  static final String[] ALICE = {"X-Cognition-Scope-User", "alice"};
  static final String[] BOB = {"X-Cognition-Scope-User", "bob"};
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;
  McpTestServer mcp;

  abstract DatabaseKind kind();

  void start(Map<String, String> env) {
    server = TestServer.start(kind(), dir, env, clock);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (mcp != null) {
      mcp.close();
    }
  }

  static String body(Map<String, Object> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void registers_a_server_and_never_returns_its_headers() {
    start(Map.of());

    HttpResponse<String> created =
        server.post(
            "/mcp-servers",
            body(
                Map.of(
                    "name",
                    "github-tools",
                    "url",
                    "https://mcp.github.example.com/sse",
                    "enabled",
                    false,
                    "headers",
                    Map.of("Authorization", "Bearer secret"),
                    "scope",
                    Map.of())));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).doesNotContain("secret");
    JsonNode json = TestServer.json(created);
    assertThat(json.path("name").asText()).isEqualTo("github-tools");
    assertThat(json.path("transport").asText()).isEqualTo("sse");
    assertThat(json.path("headers").size()).isZero();
    assertThat(json.path("source").asText()).isEqualTo("api");
    assertThat(json.path("status").asText()).isEqualTo("disabled");
    HttpResponse<String> list = server.get("/mcp-servers");
    assertThat(list.body()).doesNotContain("secret");
    assertThat(TestServer.json(list).path("count").asInt()).isEqualTo(1);
    assertThat(TestServer.json(server.get("/mcp-servers/github-tools")).path("url").asText())
        .isEqualTo("https://mcp.github.example.com/sse");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\": \"x\", \"url\": \"stdio://npx server\"}",
        "{\"name\": \"x\", \"url\": \"ftp://example.com/sse\"}",
        "{\"name\": \"x\", \"url\": \"https://example.com/sse\", \"transport\": \"stdio\"}",
        "{\"name\": \"x\"}",
        "{\"name\": \"\", \"url\": \"https://example.com/sse\"}",
        "{\"name\": \"x\", \"url\": \"https://example.com/sse\", \"command\": \"npx\"}"
      })
  void refuses_invalid_servers_with_422(String request) {
    start(Map.of());

    HttpResponse<String> response = server.post("/mcp-servers", request);

    assertThat(response.statusCode()).isEqualTo(422);
  }

  @Test
  void a_second_server_of_the_same_name_in_the_same_scope_is_409() {
    start(Map.of());
    String request =
        body(Map.of("name", "tools", "url", "https://a.example.com/sse", "enabled", false));
    assertThat(server.post("/mcp-servers", request).statusCode()).isEqualTo(201);

    assertThat(server.post("/mcp-servers", request).statusCode()).isEqualTo(409);
  }

  @Test
  void patches_and_deletes_a_server() {
    start(Map.of());
    server.post(
        "/mcp-servers",
        body(Map.of("name", "tools", "url", "https://a.example.com/sse", "enabled", false)));

    HttpResponse<String> patched =
        server.patch(
            "/mcp-servers/tools",
            body(Map.of("url", "https://b.example.com/mcp", "transport", "streamable_http")));

    assertThat(patched.statusCode()).isEqualTo(200);
    JsonNode json = TestServer.json(patched);
    assertThat(json.path("url").asText()).isEqualTo("https://b.example.com/mcp");
    assertThat(json.path("transport").asText()).isEqualTo("streamable_http");
    assertThat(json.path("enabled").asBoolean()).isFalse();
    assertThat(server.patch("/mcp-servers/tools", "{\"url\": \"file:///etc\"}").statusCode())
        .isEqualTo(422);
    assertThat(server.delete("/mcp-servers/tools").statusCode()).isEqualTo(204);
    assertThat(server.get("/mcp-servers/tools").statusCode()).isEqualTo(404);
    assertThat(server.delete("/mcp-servers/tools").statusCode()).isEqualTo(404);
    assertThat(server.patch("/mcp-servers/tools", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void a_scoped_server_is_invisible_to_other_scopes() {
    start(Map.of("COGENT_SCOPING_ENABLED", "true", "COGENT_SCOPE_KEYS", "user"));
    server.post(
        "/mcp-servers",
        body(Map.of("name", "private", "url", "https://a.example.com/sse", "enabled", false)),
        ALICE);

    assertThat(server.get("/mcp-servers/private", ALICE).statusCode()).isEqualTo(200);
    assertThat(server.get("/mcp-servers/private", BOB).statusCode()).isEqualTo(404);
    assertThat(TestServer.json(server.get("/mcp-servers", BOB)).path("count").asInt()).isZero();
    assertThat(server.patch("/mcp-servers/private", "{\"enabled\": true}", BOB).statusCode())
        .isEqualTo(404);
    assertThat(server.delete("/mcp-servers/private", BOB).statusCode()).isEqualTo(404);
    assertThat(
            TestServer.json(server.get("/mcp-servers/private", ALICE))
                .path("scope")
                .path("user")
                .asText())
        .isEqualTo("alice");
  }

  @Test
  void status_tells_whether_the_server_could_be_reached() {
    start(Map.of());
    mcp = McpTestServer.start(McpTestServer.Transport.STREAMABLE_HTTP);
    server.post(
        "/mcp-servers",
        body(Map.of("name", "up", "url", mcp.url(), "transport", "streamable_http")));
    server.post(
        "/mcp-servers",
        body(
            Map.of(
                "name", "down", "url", "http://127.0.0.1:9/mcp", "transport", "streamable_http")));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(TestServer.json(server.get("/mcp-servers/up")).path("status").asText())
                  .isEqualTo("connected");
              JsonNode down = TestServer.json(server.get("/mcp-servers/down"));
              assertThat(down.path("status").asText()).isEqualTo("failed");
              assertThat(down.path("last_error").asText()).isNotBlank();
            });
  }

  private Path projectFile(String relative, String text) throws IOException {
    Path file = dir.resolve("project").resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void servers_declared_in_project_files_are_seeded_as_read_only_file_rows() throws IOException {
    projectFile(
        ".cogent/config.yaml",
        """
        mcp:
          servers:
            - name: docs
              url: https://docs.example.com/sse
              headers: {Authorization: "Bearer ${DOCS_TOKEN}"}
            - name: broken
              url: ftp://files.example.com
            - name: unset
              url: ${NOT_SET_ANYWHERE}/sse
        """);
    projectFile(
        ".cogent/mcp-servers/pulled.yaml",
        "url: http://127.0.0.1:9/mcp\ntransport: streamable_http\nenabled: false\n");
    projectFile(
        ".cogent/mcp-servers/local.yaml", "url: http://127.0.0.1:9/mcp\ntransport: stdio\n");
    start(
        Map.of(
            "DOCS_TOKEN",
            "secret-token",
            "COGENT_SCOPING_ENABLED",
            "true",
            "COGENT_SCOPE_KEYS",
            "user"));

    JsonNode list = TestServer.json(server.get("/mcp-servers", ALICE));
    assertThat(list.path("count").asInt()).isEqualTo(2);
    JsonNode docs = TestServer.json(server.get("/mcp-servers/docs", ALICE));
    assertThat(docs.path("source").asText()).isEqualTo("file");
    assertThat(docs.path("transport").asText()).isEqualTo("sse");
    assertThat(docs.path("headers").size()).isZero();
    assertThat(docs.toString()).doesNotContain("secret-token");
    JsonNode pulled = TestServer.json(server.get("/mcp-servers/pulled", ALICE));
    assertThat(pulled.path("source").asText()).isEqualTo("file");
    assertThat(pulled.path("transport").asText()).isEqualTo("streamable_http");
    assertThat(pulled.path("status").asText()).isEqualTo("disabled");

    assertThat(
            server.patch("/mcp-servers/docs", body(Map.of("enabled", false)), ALICE).statusCode())
        .isEqualTo(409);
    assertThat(server.delete("/mcp-servers/pulled", ALICE).statusCode()).isEqualTo(409);
    HttpResponse<String> replace =
        server.post(
            "/mcp-servers",
            body(Map.of("name", "docs", "url", "https://other.example.com/sse", "scope", Map.of())),
            ALICE);
    assertThat(replace.statusCode()).isEqualTo(409);
    assertThat(
            server
                .post(
                    "/mcp-servers",
                    body(
                        Map.of(
                            "name",
                            "docs",
                            "url",
                            "https://alice.example.com/sse",
                            "enabled",
                            false)),
                    ALICE)
                .statusCode())
        .as("a narrower scope may override a file row")
        .isEqualTo(201);

    JsonNode errors = TestServer.json(server.get("/tools/errors", ALICE));
    assertThat(errors.findValuesAsText("file"))
        .contains(
            ".cogent/config.yaml (mcp.servers[1])",
            ".cogent/config.yaml (mcp.servers[2])",
            ".cogent/mcp-servers/local.yaml");
    assertThat(errors.toString()).contains("InvalidMcpServer", "NOT_SET_ANYWHERE", "stdio");
  }

  @Test
  void api_rows_win_over_file_rows_across_restarts_and_removed_entries_go() throws IOException {
    // One database for every start (each start would otherwise get a new PostgreSQL database).
    Map<String, String> env = Map.of("COGENT_DATABASE_URL", kind().newDatabaseUrl(dir));
    start(env);
    server.post(
        "/mcp-servers",
        body(Map.of("name", "docs", "url", "https://api.example.com/sse", "enabled", false)));
    server.close();
    projectFile(
        ".cogent/config.yaml",
        "mcp:\n  servers:\n    - {name: docs, url: https://file.example.com/sse}\n"
            + "    - {name: extra, url: https://extra.example.com/sse, enabled: false}\n");

    start(env);
    JsonNode docs = TestServer.json(server.get("/mcp-servers/docs"));
    assertThat(docs.path("source").asText()).isEqualTo("api");
    assertThat(docs.path("url").asText()).isEqualTo("https://api.example.com/sse");
    assertThat(TestServer.json(server.get("/mcp-servers/extra")).path("source").asText())
        .isEqualTo("file");
    server.close();
    Files.delete(dir.resolve("project/.cogent/config.yaml"));

    start(env);
    assertThat(server.get("/mcp-servers/extra").statusCode()).isEqualTo(404);
    assertThat(TestServer.json(server.get("/mcp-servers/docs")).path("source").asText())
        .isEqualTo("api");
  }
}
