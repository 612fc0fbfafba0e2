package dev.cogent.tools.mcp;

import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolCancelledException;
import dev.cogent.tools.ToolContext;
import dev.cogent.tools.ToolResult;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One tool of a remote MCP server as a {@link Tool} named {@code <server>_<tool>}; its parameters
 * schema is the MCP tool's input schema. A call the server answers with {@code isError} is a result
 * with exit code 1; a server that cannot be reached is a failed result too, and the connection is
 * marked broken so the next run reconnects.
 *
 * <p>Thread-safe (the SDK client is).
 */
final class McpTool implements Tool {

  /** Model APIs accept tool names of these characters only. */
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]");

  private final String name;
  private final String remoteName;
  private final String description;
  private final Map<String, Object> schema;
  private final McpSyncClient client;
  private final Consumer<RuntimeException> onBroken;

  McpTool(
      String serverName,
      McpSchema.Tool remote,
      McpSyncClient client,
      Consumer<RuntimeException> onBroken) {
    this.name = qualifiedName(serverName, remote.name());
    this.remoteName = remote.name();
    this.description =
        remote.description() == null
            ? "Tool '" + remote.name() + "' of the MCP server '" + serverName + "'"
            : remote.description();
    this.schema = schema(remote.inputSchema());
    this.client = client;
    this.onBroken = onBroken;
  }

  /** {@code <server>_<tool>}, with characters model APIs refuse replaced by {@code _}. */
  static String qualifiedName(String serverName, String toolName) {
    return UNSAFE.matcher(serverName + "_" + toolName).replaceAll("_");
  }

  private static Map<String, Object> schema(Map<String, Object> input) {
    Map<String, Object> schema = new LinkedHashMap<>();
    if (input != null) {
      schema.putAll(input);
    }
    schema.putIfAbsent("type", "object");
    schema.putIfAbsent("properties", Map.of());
    return Map.copyOf(schema);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Map<String, Object> parametersSchema() {
    return schema;
  }

  @Override
  public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
    McpSchema.CallToolResult result;
    try {
      result = client.callTool(new McpSchema.CallToolRequest(remoteName, arguments));
    } catch (RuntimeException e) {
      if (context.cancellation().isCancelled()) {
        throw new ToolCancelledException(name);
      }
      onBroken.accept(e);
      return ToolResult.failed("The MCP server of tool '" + name + "' failed: " + e.getMessage());
    }
    String output = text(result);
    return Boolean.TRUE.equals(result.isError())
        ? ToolResult.failed(output)
        : ToolResult.ok(output);
  }

  /** Text parts joined by new lines; other content kinds are named, not inlined. */
  private static String text(McpSchema.CallToolResult result) {
    List<String> parts = new ArrayList<>();
    if (result.content() != null) {
      for (McpSchema.Content content : result.content()) {
        if (content instanceof McpSchema.TextContent text) {
          parts.add(text.text());
        } else {
          parts.add("[" + content.type() + " content]");
        }
      }
    }
    if (parts.isEmpty() && result.structuredContent() != null) {
      parts.add(String.valueOf(result.structuredContent()));
    }
    return String.join("\n", parts);
  }
}
