package dev.cogent.protocols;

/** What {@link A2aService#handle} answers: one JSON-RPC response, or a stream of them (SSE). */
public sealed interface A2aReply {

  /** One JSON-RPC response (a result or a JSON-RPC error), sent as {@code application/json}. */
  record Answer(JsonRpcResponse response) implements A2aReply {}

  /** Task updates, sent as {@code text/event-stream}; the receiver closes them. */
  record Stream(TaskUpdates updates) implements A2aReply {}
}
