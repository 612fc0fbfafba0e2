package dev.cogent.protocols;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A JSON-RPC 2.0 request: its id (a string, a number or null), its method and its params object
 * (empty when absent).
 */
record JsonRpcRequest(Object id, String method, JsonNode params) {

  /**
   * Reads a request body.
   *
   * @throws ApiException 422 {@code VALIDATION_ERROR} when it is not a JSON-RPC 2.0 request (with
   *     {@code details.jsonrpc_code} -32700 for unreadable JSON, -32600 otherwise)
   */
  static JsonRpcRequest parse(byte[] body, Json json) {
    JsonNode tree;
    try {
      tree = json.mapper().readTree(body);
    } catch (IOException e) {
      throw invalid("body", "is not valid JSON", JsonRpcResponse.PARSE_ERROR);
    }
    if (tree == null || !tree.isObject()) {
      throw invalid(
          "body", "must be a JSON-RPC 2.0 request object", JsonRpcResponse.INVALID_REQUEST);
    }
    if (!"2.0".equals(tree.path("jsonrpc").asText(null)) || !tree.path("jsonrpc").isTextual()) {
      throw invalid("jsonrpc", "must be \"2.0\"", JsonRpcResponse.INVALID_REQUEST);
    }
    JsonNode method = tree.path("method");
    if (!method.isTextual() || method.asText().isBlank()) {
      throw invalid("method", "is required and must be a string", JsonRpcResponse.INVALID_REQUEST);
    }
    JsonNode id = tree.path("id");
    Object idValue;
    if (id.isMissingNode() || id.isNull()) {
      idValue = null;
    } else if (id.isTextual()) {
      idValue = id.asText();
    } else if (id.isIntegralNumber()) {
      idValue = id.asLong();
    } else {
      throw invalid("id", "must be a string, an integer or null", JsonRpcResponse.INVALID_REQUEST);
    }
    JsonNode params = tree.path("params");
    if (params.isMissingNode() || params.isNull()) {
      params = JsonNodeFactory.instance.objectNode();
    } else if (!params.isObject()) {
      throw invalid("params", "must be an object", JsonRpcResponse.INVALID_REQUEST);
    }
    return new JsonRpcRequest(idValue, method.asText(), params);
  }

  /** A 422 naming the offending field, with the JSON-RPC error code it corresponds to. */
  static ApiException invalid(String field, String problem, int jsonRpcCode) {
    return new ApiException(
        ErrorCode.VALIDATION_ERROR,
        "Invalid JSON-RPC request: " + field + ": " + problem,
        Map.of(
            "errors",
            List.of(Map.of("field", field, "message", problem)),
            "jsonrpc_code",
            jsonRpcCode));
  }
}
