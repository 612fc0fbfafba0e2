package dev.cogent.llm;

import dev.cogent.llm.FakeProviderServer.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * Bedrock's wire format for {@link FakeProviderServer}: Converse answers as JSON, ConverseStream
 * answers as {@code application/vnd.amazon.eventstream} frames (encoded with the SDK's own
 * eventstream codec, so prelude and CRCs are real), and errors as Bedrock sends them ({@code
 * x-amzn-ErrorType} header and a {@code message} body).
 */
public final class BedrockWire {

  private BedrockWire() {}

  /** A ConverseStream answer of {@code words}, with usage. */
  public static Reply streamText(int inputTokens, String... words) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    event(out, "messageStart", "{\"role\":\"assistant\"}");
    for (String word : words) {
      event(
          out,
          "contentBlockDelta",
          "{\"contentBlockIndex\":0,\"delta\":{\"text\":" + quote(word) + "},\"p\":\"abcd\"}");
    }
    event(out, "contentBlockStop", "{\"contentBlockIndex\":0}");
    event(out, "messageStop", "{\"stopReason\":\"end_turn\"}");
    event(out, "metadata", metadata(inputTokens, words.length));
    return stream(out);
  }

  /** A ConverseStream answer with a sentence and then a call of tool {@code name}. */
  public static Reply streamToolCall(String id, String name, String arguments) {
    int half = arguments.length() / 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    event(out, "messageStart", "{\"role\":\"assistant\"}");
    event(out, "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Looking.\"}}");
    event(out, "contentBlockStop", "{\"contentBlockIndex\":0}");
    event(
        out,
        "contentBlockStart",
        "{\"contentBlockIndex\":1,\"start\":{\"toolUse\":{\"toolUseId\":"
            + quote(id)
            + ",\"name\":"
            + quote(name)
            + "}}}");
    for (String piece : new String[] {arguments.substring(0, half), arguments.substring(half)}) {
      event(
          out,
          "contentBlockDelta",
          "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":" + quote(piece) + "}}}");
    }
    event(out, "contentBlockStop", "{\"contentBlockIndex\":1}");
    event(out, "messageStop", "{\"stopReason\":\"tool_use\"}");
    event(out, "metadata", metadata(30, 9));
    return stream(out);
  }

  /** A Converse (non-streaming) answer. */
  public static Reply converseText(String text, int inputTokens, int outputTokens) {
    return Reply.json(
        200,
        "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":"
            + quote(text)
            + "}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":"
            + inputTokens
            + ",\"outputTokens\":"
            + outputTokens
            + ",\"totalTokens\":"
            + (inputTokens + outputTokens)
            + "},\"metrics\":{\"latencyMs\":120}}");
  }

  /** A Converse answer calling tool {@code name}. */
  public static Reply converseToolCall(String id, String name, String arguments) {
    return Reply.json(
        200,
        "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"toolUse\":"
            + "{\"toolUseId\":"
            + quote(id)
            + ",\"name\":"
            + quote(name)
            + ",\"input\":"
            + arguments
            + "}}]}},\"stopReason\":\"tool_use\",\"usage\":{\"inputTokens\":30,"
            + "\"outputTokens\":9,\"totalTokens\":39},\"metrics\":{\"latencyMs\":120}}");
  }

  public static Reply throttled() {
    return error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
  }

  public static Reply accessDenied() {
    return error(
        403,
        "AccessDeniedException",
        "You don't have access to the model with the specified model ID.");
  }

  public static Reply error(int status, String type, String message) {
    return Reply.json(status, "{\"message\":" + quote(message) + "}")
        .withHeader(
            "x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
        .withHeader("x-amzn-RequestId", "5f2c4f1e-0000-4000-8000-000000000000");
  }

  private static String metadata(int inputTokens, int outputTokens) {
    return "{\"usage\":{\"inputTokens\":"
        + inputTokens
        + ",\"outputTokens\":"
        + outputTokens
        + ",\"totalTokens\":"
        + (inputTokens + outputTokens)
        + "},\"metrics\":{\"latencyMs\":250}}";
  }

  private static Reply stream(ByteArrayOutputStream out) {
    return new Reply(200, "application/vnd.amazon.eventstream", out.toByteArray(), Map.of())
        .withHeader("x-amzn-RequestId", "5f2c4f1e-0000-4000-8000-000000000001");
  }

  private static void event(ByteArrayOutputStream out, String type, String json) {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":event-type", HeaderValue.fromString(type));
    headers.put(":content-type", HeaderValue.fromString("application/json"));
    headers.put(":message-type", HeaderValue.fromString("event"));
    new Message(headers, json.getBytes(StandardCharsets.UTF_8)).encode(out);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
