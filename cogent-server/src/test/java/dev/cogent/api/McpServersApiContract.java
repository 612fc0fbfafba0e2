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
}
