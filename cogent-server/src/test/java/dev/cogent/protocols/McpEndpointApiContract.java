package dev.cogent.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cogent's MCP endpoint ({@code /mcp}) through the MCP Java SDK's own streamable HTTP client: the
 * tool list, the knowledge-graph tools, remember/recall/forget/cognify_status, an agent tool
 * answered by the scripted mock model, and authentication. Runs on SQLite and PostgreSQL.
 */
abstract class McpEndpointApiContract {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SCOPE_USER = "X-Cognition-Scope-User";

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  final List<McpSyncClient> clients = new ArrayList<>();
  TestServer server;

  abstract DatabaseKind kind();

  @AfterEach
  void stop() {
    clients.forEach(McpSyncClient::closeGracefully);
    if (server != null) {
      server.close();
    }
  }

  void start(Map<String, String> env) {
    server = TestServer.start(kind(), dir, env, clock);
  }

  /** An initialized SDK client sending these headers with every request. */
  McpSyncClient client(String... headers) {
    String base = server.uri("/").toString();
    var transport =
        HttpClientStreamableHttpTransport.builder(base.substring(0, base.length() - 1))
            .endpoint("/mcp")
            .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
            .httpRequestCustomizer(
                (request, method, uri, body, context) -> {
                  for (int i = 0; i < headers.length; i += 2) {
                    request.setHeader(headers[i], headers[i + 1]);
                  }
                })
            .build();
    McpSyncClient client =
        McpClient.sync(transport)
            .clientInfo(new McpSchema.Implementation("cogent-test", "1.0"))
            .requestTimeout(Duration.ofSeconds(60))
            .jsonSchemaValidator(
                (schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null))
            .build();
    clients.add(client);
    client.initialize();
    return client;
  }

  static McpSchema.CallToolResult call(McpSyncClient client, String tool, String arguments) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> parsed = JSON.readValue(arguments, Map.class);
      return client.callTool(new McpSchema.CallToolRequest(tool, parsed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(McpSchema.CallToolResult result) {
    return result.content().stream()
        .map(content -> ((McpSchema.TextContent) content).text())
        .collect(Collectors.joining("\n"));
  }

  static JsonNode json(McpSchema.CallToolResult result) {
    assertThat(result.isError()).as(text(result)).isFalse();
    try {
      return JSON.readTree(((McpSchema.TextContent) result.content().get(0)).text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> toolNames(McpSyncClient client) {
    return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
  }

  void createAgent(String name, boolean exposed, String user) {
    HttpResponse<String> created =
        server.post(
            "/agents",
            "{\"name\": \""
                + name
                + "\", \"description\": \"The "
                + name
                + "\", \"system_prompt\": \"Help.\", \"a2a_exposed\": "
                + exposed
                + "}",
            SCOPE_USER,
            user);
    assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
  }

  @Test
  void lists_the_memory_graph_and_agent_tools_of_the_callers_scope() {
    start(Map.of("COGENT_SCOPING_ENABLED", "true"));
    createAgent("helper.bot", true, "alice");
    createAgent("quiet", false, "alice");
    createAgent("bobs", true, "bob");

    McpSyncClient alice = client(SCOPE_USER, "alice");

    assertThat(alice.getServerInfo().name()).isEqualTo("cogent");
    assertThat(
            TestServer.json(server.get("/capabilities"))
                .path("features")
                .path("mcp_server")
                .asBoolean())
        .isTrue();
    assertThat(toolNames(alice))
        .contains(
            "remember",
            "recall",
            "forget",
            "cognify_status",
            "create_entities",
            "create_relations",
            "add_observations",
            "delete_entities",
            "delete_observations",
            "delete_relations",
            "read_graph",
            "search_nodes",
            "open_nodes",
            "ask_helper_bot")
        .doesNotContain("ask_quiet", "ask_bobs");
    McpSyncClient bob = client(SCOPE_USER, "bob");
    assertThat(toolNames(bob)).contains("ask_bobs").doesNotContain("ask_helper_bot");

    // An agent created later shows on the next list; a deleted one is gone.
    createAgent("later", true, "alice");
    assertThat(toolNames(alice)).contains("ask_later");
    assertThat(server.delete("/agents/later", SCOPE_USER, "alice").statusCode()).isEqualTo(204);
    assertThat(toolNames(alice)).doesNotContain("ask_later");
  }

  @Test
  void edits_reads_searches_and_deletes_the_knowledge_graph() {
    start(Map.of());
    McpSyncClient client = client();

    JsonNode created =
        json(
            call(
                client,
                "create_entities",
                """
                {"entities": [
                  {"name": "Ada Lovelace", "entityType": "Person", "observations": ["Wrote the first program"]},
                  {"name": "Analytical Engine", "entityType": "Machine", "observations": []}]}
                """));
    assertThat(created.findValuesAsText("name"))
        .containsExactly("Ada Lovelace", "Analytical Engine");
    assertThat(
            json(
                call(
                    client,
                    "create_entities",
                    "{\"entities\": [{\"name\": \"Ada Lovelace\", \"entityType\": \"Person\", \"observations\": []}]}")))
        .isEmpty();
    JsonNode relations =
        json(
            call(
                client,
                "create_relations",
                "{\"relations\": [{\"from\": \"Ada Lovelace\", \"to\": \"Analytical Engine\","
                    + " \"relationType\": \"wrote notes on\"}]}"));
    assertThat(relations.get(0).path("relationType").asText()).isEqualTo("wrote_notes_on");
    JsonNode added =
        json(
            call(
                client,
                "add_observations",
                "{\"observations\": [{\"entityName\": \"analytical engine\", \"contents\":"
                    + " [\"Designed by Charles Babbage\"]}]}"));
    assertThat(added.get(0).path("addedObservations").get(0).asText())
        .isEqualTo("Designed by Charles Babbage");

    JsonNode graph = json(call(client, "read_graph", "{}"));
    assertThat(graph.path("entities").findValuesAsText("name"))
        .containsExactlyInAnyOrder("Ada Lovelace", "Analytical Engine");
    assertThat(graph.path("relations").get(0).path("from").asText()).isEqualTo("Ada Lovelace");
    JsonNode found = json(call(client, "search_nodes", "{\"query\": \"babbage\"}"));
    assertThat(found.path("entities").findValuesAsText("name"))
        .containsExactly("Analytical Engine");
    assertThat(found.path("relations")).isEmpty();
    JsonNode opened =
        json(call(client, "open_nodes", "{\"names\": [\"Ada Lovelace\", \"Analytical Engine\"]}"));
    assertThat(opened.path("relations")).hasSize(1);

    // The same nodes cognify would make: the dataset's graph route shows them, with the type node.
    JsonNode datasets = TestServer.json(server.get("/api/v1/datasets"));
    String datasetId = datasets.get(0).path("id").asText();
    assertThat(datasets.get(0).path("name").asText()).isEqualTo("main_dataset");
    JsonNode stored = TestServer.json(server.get("/api/v1/datasets/" + datasetId + "/graph"));
    assertThat(stored.path("nodes").toString()).contains("Ada Lovelace", "EntityType");

    call(
        client,
        "delete_observations",
        "{\"deletions\": [{\"entityName\": \"Analytical Engine\", \"observations\":"
            + " [\"Designed by Charles Babbage\"]}]}");
    assertThat(json(call(client, "search_nodes", "{\"query\": \"babbage\"}")).path("entities"))
        .isEmpty();
    assertThat(
            json(
                call(
                    client,
                    "delete_relations",
                    "{\"relations\": [{\"from\": \"Ada Lovelace\", \"to\": \"Analytical Engine\","
                        + " \"relationType\": \"wrote notes on\"}]}")))
        .hasSize(1);
    assertThat(text(call(client, "delete_entities", "{\"entityNames\": [\"Ada Lovelace\"]}")))
        .contains("Ada Lovelace");
    assertThat(json(call(client, "read_graph", "{}")).path("entities").findValuesAsText("name"))
        .containsExactly("Analytical Engine");
  }

  @Test
  void a_hand_edit_of_a_cognified_entity_survives_forgetting_the_document_but_not_the_dataset() {
    start(Map.of());
    McpSyncClient client = client();
    JsonNode remembered =
        json(
            call(
                client,
                "remember",
                "{\"text\": \"Ada Lovelace wrote about the Analytical Engine.\"}"));
    String dataId = remembered.path("items").get(0).path("id").asText();
    assertThat(json(call(client, "read_graph", "{}")).path("entities").findValuesAsText("name"))
        .contains("Ada Lovelace", "Analytical Engine");

    // The entity cognify made is the one the tools address: creating it again creates nothing.
    assertThat(
            json(
                call(
                    client,
                    "create_entities",
                    "{\"entities\": [{\"name\": \"Ada Lovelace\", \"entityType\": \"Entity\","
                        + " \"observations\": []}]}")))
        .isEmpty();
    json(
        call(
            client,
            "add_observations",
            "{\"observations\": [{\"entityName\": \"Ada Lovelace\", \"contents\":"
                + " [\"Mathematician\"]}]}"));
    json(
        call(client, "forget", "{\"dataset\": \"main_dataset\", \"data_id\": \"" + dataId + "\"}"));

    JsonNode graph = json(call(client, "read_graph", "{}"));
    assertThat(graph.path("entities").findValuesAsText("name")).containsExactly("Ada Lovelace");
    assertThat(graph.path("entities").get(0).path("observations").get(0).asText())
        .isEqualTo("Mathematician");
    json(call(client, "forget", "{\"dataset\": \"main_dataset\"}"));
    assertThat(json(call(client, "read_graph", "{}")).path("entities")).isEmpty();
  }

  @Test
  void a_tool_error_is_an_mcp_error_result_with_a_clear_message() {
    start(Map.of());
    McpSyncClient client = client();

    McpSchema.CallToolResult unknown =
        call(
            client,
            "create_relations",
            "{\"relations\": [{\"from\": \"Nobody\", \"to\": \"Nothing\", \"relationType\": \"x\"}]}");
    assertThat(unknown.isError()).isTrue();
    assertThat(text(unknown)).contains("Nobody").doesNotContain("Exception", "at dev.");
    McpSchema.CallToolResult invalid = call(client, "forget", "{}");
    assertThat(invalid.isError()).isTrue();
    McpSchema.CallToolResult badArgument =
        call(client, "recall", "{\"query\": 5, \"top_k\": \"x\"}");
    assertThat(badArgument.isError()).isTrue();
    assertThat(text(badArgument)).contains("top_k");
  }

  @Test
  void remembers_recalls_reports_status_and_forgets() {
    start(Map.of());
    McpSyncClient client = client();

    JsonNode remembered =
        json(
            call(
                client,
                "remember",
                "{\"text\": \"Charles Babbage designed the Analytical Engine in 1837.\","
                    + " \"dataset_name\": \"history\"}"));
    assertThat(remembered.path("status").asText()).isEqualTo("completed");
    assertThat(remembered.path("dataset_name").asText()).isEqualTo("history");

    JsonNode items =
        json(
            call(
                client,
                "recall",
                "{\"query\": \"Who designed the Analytical Engine?\", \"search_type\": \"CHUNKS\","
                    + " \"datasets\": [\"history\"], \"top_k\": 3}"));
    assertThat(items.findValuesAsText("text"))
        .contains("Charles Babbage designed the Analytical Engine in 1837.");

    JsonNode status = json(call(client, "cognify_status", "{\"dataset_name\": \"history\"}"));
    assertThat(status.get(0).path("pipelines").path("cognify_pipeline").asText())
        .isEqualTo("DATASET_PROCESSING_COMPLETED");

    JsonNode forgotten = json(call(client, "forget", "{\"dataset\": \"history\"}"));
    assertThat(forgotten.path("status").asText()).isEqualTo("success");
    assertThat(json(call(client, "cognify_status", "{}"))).isEmpty();
  }

  @Test
  void an_agent_tool_answers_through_the_scripted_mock_model_and_continues_its_context() {
    start(Map.of());
    HttpResponse<String> provider =
        server.post(
            "/models/providers",
            "{\"id\": \"mock\", \"provider\": \"mock\", \"model\": \"scripted\"}");
    assertThat(provider.statusCode()).as(provider.body()).isIn(200, 201);
    createAgent("echoer", true, "anyone");
    McpSyncClient client = client();

    McpSchema.CallToolResult first = call(client, "ask_echoer", "{\"message\": \"/reply Pong.\"}");

    assertThat(first.isError()).as(text(first)).isFalse();
    assertThat(((McpSchema.TextContent) first.content().get(0)).text()).isEqualTo("Pong.");
    JsonNode about;
    try {
      about = JSON.readTree(((McpSchema.TextContent) first.content().get(1)).text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(about.path("state").asText()).isEqualTo("completed");
    String context = about.path("context_id").asText();
    assertThat(context).isNotBlank();
    McpSchema.CallToolResult second =
        call(
            client,
            "ask_echoer",
            "{\"message\": \"/reply Again.\", \"context_id\": \"" + context + "\"}");
    assertThat(text(second)).startsWith("Again.").contains(context);
  }

  @Test
  void with_authentication_on_refuses_anonymous_callers_and_keeps_users_apart() {
    start(Map.of("COGENT_REQUIRE_AUTHENTICATION", "true"));
    HttpResponse<String> anonymous =
        server.post(
            "/mcp",
            "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": {}}");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThatThrownBy(this::client).isInstanceOf(RuntimeException.class);

    String alice = "X-API-Key";
    String aliceKey = apiKey("alice@example.com");
    String bobKey = apiKey("bob@example.com");
    McpSyncClient aliceClient = client(alice, aliceKey);
    json(
        call(
            aliceClient,
            "create_entities",
            "{\"entities\": [{\"name\": \"Secret Project\", \"entityType\": \"Project\","
                + " \"observations\": [\"alice only\"]}]}"));
    McpSyncClient bobClient = client(alice, bobKey);

    assertThat(json(call(bobClient, "read_graph", "{}")).path("entities")).isEmpty();
    assertThat(json(call(bobClient, "cognify_status", "{}"))).isEmpty();
    assertThat(json(call(aliceClient, "read_graph", "{}")).path("entities")).hasSize(1);
  }

  /** Registers a user, logs in and creates an API key for them. */
  String apiKey(String email) {
    HttpResponse<String> registered =
        server.post(
            "/api/v1/auth/register",
            "{\"email\": \"" + email + "\", \"password\": \"a long password\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    HttpResponse<String> login =
        server.sendUnchecked(
            java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "username="
                            + java.net.URLEncoder.encode(
                                email, java.nio.charset.StandardCharsets.UTF_8)
                            + "&password=a+long+password"))
                .build());
    String bearer = "Bearer " + TestServer.json(login).path("access_token").asText();
    HttpResponse<String> key =
        server.post("/api/v1/auth/api-keys", "{\"name\": \"mcp\"}", "Authorization", bearer);
    assertThat(key.statusCode()).as(key.body()).isIn(200, 201);
    return TestServer.json(key).path("key").asText();
  }

  @Test
  void is_not_mounted_when_disabled() {
    start(Map.of("COGENT_MCP_SERVER_ENABLED", "false"));

    assertThat(
            server
                .post("/mcp", "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            TestServer.json(server.get("/capabilities"))
                .path("features")
                .path("mcp_server")
                .asBoolean(true))
        .isFalse();
  }
}
