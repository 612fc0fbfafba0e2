package dev.cogent.protocols;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.cogent.ApiException;
import dev.cogent.Json;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the tools of the MCP endpoint: text results (JSON for structured answers), arguments read
 * into records with the server's strict mapper, and every failure turned into a tool error ({@code
 * isError: true}) with a message for the model — an {@link ApiException}'s own message, a generic
 * one for anything else (logged with its stack trace, never sent).
 */
final class McpResults {

  private static final Logger log = LoggerFactory.getLogger(McpResults.class);

  private final Json json;

  McpResults(Json json) {
    this.json = json;
  }

  /** A tool with a JSON Schema (as JSON text) and a handler of the caller and its arguments. */
  SyncToolSpecification tool(
      String name,
      String description,
      String inputSchema,
      BiFunction<McpCaller, Map<String, Object>, McpSchema.CallToolResult> handler) {
    Map<String, Object> schema = json.readObject(inputSchema);
    return SyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(schema)
                .build())
        .callHandler((exchange, request) -> call(name, exchange, request, handler))
        .build();
  }

  private McpSchema.CallToolResult call(
      String name,
      McpSyncServerExchange exchange,
      McpSchema.CallToolRequest request,
      BiFunction<McpCaller, Map<String, Object>, McpSchema.CallToolResult> handler) {
    try {
      Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
      return handler.apply(McpCaller.of(exchange), arguments);
    } catch (ApiException e) {
      return error(e.getMessage() + details(e));
    } catch (RuntimeException e) {
      log.warn("MCP tool {} failed", name, e);
      return error("Internal error while running " + name + "; the server log has the details");
    }
  }

  /** The arguments as a record; 422 naming the field that does not fit. */
  <T> T arguments(Map<String, Object> arguments, Class<T> type) {
    try {
      return json.mapper().convertValue(arguments, type);
    } catch (IllegalArgumentException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof ApiException api) {
          throw api;
        }
      }
      String field =
          e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
              ? mapping.getPath().stream()
                  .map(
                      reference ->
                          reference.getFieldName() != null
                              ? reference.getFieldName()
                              : "[" + reference.getIndex() + "]")
                  .collect(Collectors.joining("."))
              : "arguments";
      throw ApiException.invalid(field, "does not match the tool's input schema");
    }
  }

  McpSchema.CallToolResult text(String text) {
    return McpSchema.CallToolResult.builder().addTextContent(text).isError(false).build();
  }

  /** A structured answer as JSON text. */
  McpSchema.CallToolResult json(Object value) {
    return text(json.write(value));
  }

  /** A failure whose details are structured (a pipeline result), as JSON text. */
  McpSchema.CallToolResult errorJson(Object value) {
    return error(json.write(value));
  }

  McpSchema.CallToolResult error(String message) {
    return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
  }

  private String details(ApiException e) {
    return e.details() == null || e.details().isEmpty() ? "" : " " + json.write(e.details());
  }
}
