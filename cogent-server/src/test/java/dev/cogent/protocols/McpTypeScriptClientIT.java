package dev.cogent.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.NpmPackages;
import dev.cogent.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cogent's {@code /mcp} through the official MCP TypeScript SDK client ({@code
 * @modelcontextprotocol/sdk}, pinned, installed once into {@code target/npm-cache/mcp-sdk}) run by
 * node: it lists the tools and calls two. Skipped, with the reason, without node, npm or the
 * registry on the first run.
 */
class McpTypeScriptClientIT {

  private static final String PACKAGE = "@modelcontextprotocol/sdk";
  private static final String VERSION = "1.32.2";

  private static final String SCRIPT =
      """
      import { Client } from "@modelcontextprotocol/sdk/client/index.js";
      import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
      const client = new Client({ name: "cogent-ts-test", version: "1.0.0" });
      await client.connect(new StreamableHTTPClientTransport(new URL(process.argv[2])));
      const tools = await client.listTools();
      const created = await client.callTool({ name: "create_entities", arguments: {
        entities: [{ name: "Grace Hopper", entityType: "Person", observations: ["Wrote the first compiler"] }] } });
      const graph = await client.callTool({ name: "read_graph", arguments: {} });
      console.log(JSON.stringify({ tools: tools.tools.map((t) => t.name), created, graph }));
      await client.close();
      """;

  @TempDir Path dir;
  private TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void the_typescript_sdk_client_lists_the_tools_and_calls_them() throws Exception {
    Path prefix = Path.of("target", "npm-cache", "mcp-sdk").toAbsolutePath();
    NpmPackages.install(prefix, PACKAGE, VERSION, dir.resolve("npm.log"));
    server =
        TestServer.start(
            DatabaseKind.SQLITE, dir, Map.of(), MutableClock.at("2026-03-02T12:00:00Z"));
    JsonNode answer =
        new ObjectMapper()
            .readTree(
                NpmPackages.runScript(
                    prefix, SCRIPT, dir.resolve("node.log"), server.uri("/mcp").toString()));
    assertThat(answer.path("tools").toString())
        .contains("\"remember\"", "\"recall\"", "\"create_entities\"", "\"read_graph\"");
    assertThat(answer.path("created").path("isError").asBoolean()).isFalse();
    assertThat(answer.path("graph").path("content").get(0).path("text").asText())
        .contains("Grace Hopper", "Wrote the first compiler");
  }
}
