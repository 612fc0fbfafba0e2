package dev.cogent.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServlet;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real MCP server built with the MCP Java SDK, on Jetty at a loopback port chosen when it binds.
 * Its one tool {@code echo} answers {@code "echo: <text>"}; {@code fail} answers an error result.
 * {@link #calls} counts the tool calls it served.
 */
public final class McpTestServer implements AutoCloseable {

  /** The transports it can speak. */
  public enum Transport {
    SSE,
    STREAMABLE_HTTP
  }

  private final Server jetty;
  private final McpSyncServer mcp;
  private final String url;
  private final AtomicInteger calls = new AtomicInteger();

  private McpTestServer(Transport transport) throws Exception {
    var mapper = new JacksonMcpJsonMapper(new ObjectMapper());
    HttpServlet servlet;
    String path;
    if (transport == Transport.SSE) {
      var provider =
          HttpServletSseServerTransportProvider.builder()
              .jsonMapper(mapper)
              .sseEndpoint("/sse")
              .messageEndpoint("/message")
              .build();
      servlet = provider;
      path = "/sse";
      mcp = McpServer.sync(provider).serverInfo("test-tools", "1.0").tools(tools()).build();
    } else {
      var provider =
          HttpServletStreamableServerTransportProvider.builder()
              .jsonMapper(mapper)
              .mcpEndpoint("/mcp")
              .build();
      servlet = provider;
      path = "/mcp";
      mcp =
          McpServer.sync(provider)
              .serverInfo("test-tools", "1.0")
              .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
              .tools(tools())
              .build();
    }
    jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/*");
    jetty.setHandler(context);
    jetty.start();
    int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    url = "http://127.0.0.1:" + port + path;
  }

  public static McpTestServer start(Transport transport) {
    try {
      return new McpTestServer(transport);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the MCP test server", e);
    }
  }

  private List<SyncToolSpecification> tools() {
    Map<String, Object> schema =
        Map.of(
            "type", "object",
            "properties", Map.of("text", Map.of("type", "string")),
            "required", List.of("text"));
    var echo =
        SyncToolSpecification.builder()
            .tool(
                McpSchema.Tool.builder()
                    .name("echo")
                    .description("Echoes the text back")
                    .inputSchema(schema)
                    .build())
            .callHandler(
                (exchange, request) -> {
                  calls.incrementAndGet();
                  return McpSchema.CallToolResult.builder()
                      .content(
                          List.of(
                              new McpSchema.TextContent(
                                  "echo: " + request.arguments().get("text"))))
                      .build();
                })
            .build();
    var fail =
        SyncToolSpecification.builder()
            .tool(
                McpSchema.Tool.builder()
                    .name("fail")
                    .description("Always fails")
                    .inputSchema(Map.of("type", "object"))
                    .build())
            .callHandler(
                (exchange, request) -> {
                  calls.incrementAndGet();
                  return McpSchema.CallToolResult.builder()
                      .content(List.of(new McpSchema.TextContent("it broke")))
                      .isError(true)
                      .build();
                })
            .build();
    return List.of(echo, fail);
  }

  /** The URL a client connects to. */
  public String url() {
    return url;
  }

  public int calls() {
    return calls.get();
  }

  @Override
  public void close() {
    try {
      mcp.close();
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
