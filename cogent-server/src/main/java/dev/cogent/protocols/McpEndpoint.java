package dev.cogent.protocols;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.cogent.Json;
import dev.cogent.memory.DatasetService;
import dev.cogent.memory.Forget;
import dev.cogent.memory.GraphEdits;
import dev.cogent.memory.Remember;
import dev.cogent.memory.search.SearchService;
import dev.cogent.registry.AgentService;
import dev.cogent.registry.RegistryEvents;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cogent's MCP server ({@code /mcp}, streamable HTTP, issue #9), built with the MCP Java SDK: the
 * memory tools, the knowledge-graph tools of the reference memory server, and one tool per
 * A2A-exposed agent. Sessions are the SDK's ({@code Mcp-Session-Id}): {@code POST} carries
 * JSON-RPC, {@code GET} opens the session's SSE stream (where {@code
 * notifications/tools/list_changed} arrives), {@code DELETE} ends the session. Authentication
 * happens before, per HTTP request; the caller rides along in the SDK's transport context.
 * Thread-safe; {@link #close} ends the sessions.
 */
public final class McpEndpoint implements AutoCloseable {

  /** The path the endpoint is mounted at. */
  public static final String PATH = "/mcp";

  private final HttpServletStreamableServerTransportProvider transport;
  private final McpSyncServer server;
  private final McpAgentTools agentTools;
  private final RegistryEvents.Subscription subscription;

  /** The memory services the tools call. */
  public record MemoryServices(
      Remember remember,
      SearchService search,
      Forget forget,
      DatasetService datasets,
      GraphEdits graph) {}

  public McpEndpoint(
      Json json,
      String version,
      MemoryServices memory,
      AgentService agents,
      A2aService a2a,
      RegistryEvents events) {
    // The MCP wire is not our API: peers may add fields, which are ignored here, unlike in the
    // server's own strict mapper.
    var mapper =
        new JacksonMcpJsonMapper(
            json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    this.transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(mapper)
            .mcpEndpoint(PATH)
            .contextExtractor(
                request ->
                    request.getAttribute(McpCaller.KEY) instanceof McpCaller caller
                        ? McpTransportContext.create(Map.of(McpCaller.KEY, caller))
                        : McpTransportContext.EMPTY)
            .build();
    var results = new McpResults(json);
    this.agentTools = new McpAgentTools(agents, a2a, json, results);
    List<io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification> tools =
        new ArrayList<>(
            new McpMemoryTools(
                    memory.remember(), memory.search(), memory.forget(), memory.datasets(), results)
                .all());
    tools.addAll(new McpGraphTools(memory.graph(), results).all());
    this.server =
        McpServer.sync(transport)
            .serverInfo("cogent", version)
            .instructions(
                "Cogent's knowledge-graph memory (remember, recall, forget, cognify_status, and"
                    + " the entity/relation tools of the reference memory server) and its"
                    + " A2A-exposed agents (ask_<agent>).")
            .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
            .jsonMapper(mapper)
            // Arguments are checked by the tools themselves; without a validator set, the SDK
            // would look one up with a ServiceLoader and need a JSON Schema library.
            .validateToolInputs(false)
            .jsonSchemaValidator(
                (schema, content) -> JsonSchemaValidator.ValidationResponse.asValid(null))
            // Handlers run on the request's thread, which holds its span and MDC.
            .immediateExecution(true)
            .addToolFilter(
                (context, tool) ->
                    !tool.name().startsWith(McpAgentTools.PREFIX)
                        || agentTools.isVisible(McpCaller.of(context).scope(), tool.name()))
            .tools(tools)
            .build();
    this.subscription = events.subscribe(change -> agentTools.changed(server, change));
  }

  /**
   * Serves one HTTP request of the endpoint for an authenticated caller: the agent tools the caller
   * can see are registered first, then the SDK's transport answers ({@code POST}, {@code GET} or
   * {@code DELETE}).
   */
  public void serve(HttpServletRequest request, HttpServletResponse response, McpCaller caller)
      throws IOException {
    agentTools.sync(server, caller.scope());
    request.setAttribute(McpCaller.KEY, caller);
    try {
      transport.service(request, response);
    } catch (ServletException e) {
      throw new IOException("MCP transport failed", e);
    }
  }

  @Override
  public void close() {
    subscription.close();
    server.closeGracefully();
  }
}
