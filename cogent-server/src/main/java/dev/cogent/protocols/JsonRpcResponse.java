package dev.cogent.protocols;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A JSON-RPC 2.0 response: exactly one of {@code result} and {@code error}; {@code id} always. */
public record JsonRpcResponse(
    @JsonProperty("jsonrpc") String jsonrpc,
    @JsonProperty("id") @JsonInclude(JsonInclude.Include.ALWAYS) Object id,
    @JsonProperty("result") @JsonInclude(JsonInclude.Include.NON_NULL) Object result,
    @JsonProperty("error") @JsonInclude(JsonInclude.Include.NON_NULL) Error error) {

  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;
  static final int INTERNAL_ERROR = -32603;

  /** A2A: no task of that id exists for the caller. */
  static final int TASK_NOT_FOUND = -32001;

  /** A2A: the task has already ended. */
  static final int TASK_NOT_CANCELABLE = -32002;

  static JsonRpcResponse success(Object id, Object result) {
    return new JsonRpcResponse("2.0", id, result, null);
  }

  static JsonRpcResponse failure(Object id, int code, String message, Object data) {
    return new JsonRpcResponse("2.0", id, null, new Error(code, message, data));
  }

  /** The error object; {@code data} carries Cogent's error {@code code} where one applies. */
  public record Error(
      @JsonProperty("code") int code,
      @JsonProperty("message") String message,
      @JsonProperty("data") @JsonInclude(JsonInclude.Include.NON_NULL) Object data) {}
}
