package dev.cogent.llm;

/** Replies in the real streaming wire formats of the providers, for {@link FakeProviderServer}. */
public final class WireFormats {

  private WireFormats() {}

  /** An OpenAI chat-completions stream answering {@code words}, with a usage chunk. */
  public static String openAiText(String model, int inputTokens, String... words) {
    StringBuilder events = new StringBuilder();
    events.append(openAiChunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", null));
    for (String word : words) {
      events.append(openAiChunk(model, "{\"content\":\"" + word + "\"}", null));
    }
    events.append(openAiChunk(model, "{}", "\"stop\""));
    events.append(
        "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\""
            + model
            + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
            + inputTokens
            + ",\"completion_tokens\":"
            + words.length
            + ",\"total_tokens\":"
            + (inputTokens + words.length)
            + "}}\n\n");
    events.append("data: [DONE]\n\n");
    return events.toString();
  }

  /** An OpenAI stream calling tool {@code name} with the JSON {@code arguments}, in two pieces. */
  public static String openAiToolCall(String model, String id, String name, String arguments) {
    int half = arguments.length() / 2;
    return openAiChunk(
            model,
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\""
                + id
                + "\",\"type\":\"function\",\"function\":{\"name\":\""
                + name
                + "\",\"arguments\":\"\"}}]}",
            null)
        + openAiChunk(model, toolArguments(arguments.substring(0, half)), null)
        + openAiChunk(model, toolArguments(arguments.substring(half)), null)
        + openAiChunk(model, "{}", "\"tool_calls\"")
        + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\""
        + model
        + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":7,"
        + "\"total_tokens\":27}}\n\n"
        + "data: [DONE]\n\n";
  }

  public static final String OPENAI_RATE_LIMITED =
      "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
          + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}";

  public static final String OPENAI_BAD_KEY =
      "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
          + "\"param\":null,\"code\":\"invalid_api_key\"}}";

  /** An Anthropic messages stream answering {@code words}, with usage. */
  public static String anthropicText(String model, int inputTokens, String... words) {
    StringBuilder events = new StringBuilder();
    events.append(anthropicStart(model, inputTokens));
    events.append(
        event(
            "content_block_start",
            "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
    events.append(event("ping", "{\"type\": \"ping\"}"));
    for (String word : words) {
      events.append(
          event(
              "content_block_delta",
              "{\"type\":\"content_block_delta\",\"index\":0,"
                  + "\"delta\":{\"type\":\"text_delta\",\"text\":\""
                  + word
                  + "\"}}"));
    }
    events.append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
    events.append(anthropicEnd("end_turn", words.length));
    return events.toString();
  }

  /** An Anthropic stream calling tool {@code name} with the JSON {@code arguments}. */
  public static String anthropicToolCall(String model, String id, String name, String arguments) {
    return anthropicStart(model, 30)
        + event(
            "content_block_start",
            "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":"
                + "\"tool_use\",\"id\":\""
                + id
                + "\",\"name\":\""
                + name
                + "\",\"input\":{}}}")
        + event(
            "content_block_delta",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                + "\"input_json_delta\",\"partial_json\":"
                + quote(arguments)
                + "}}")
        + event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
        + anthropicEnd("tool_use", 9);
  }

  public static final String ANTHROPIC_RATE_LIMITED =
      "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Rate limited\"}}";

  private static String anthropicStart(String model, int inputTokens) {
    return event(
        "message_start",
        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"content\":[],\"model\":\""
            + model
            + "\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
            + inputTokens
            + ",\"output_tokens\":1}}}");
  }

  private static String anthropicEnd(String stopReason, int outputTokens) {
    return event(
            "message_delta",
            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                + stopReason
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":"
                + outputTokens
                + "}}")
        + event("message_stop", "{\"type\":\"message_stop\"}");
  }

  private static String toolArguments(String piece) {
    return "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + quote(piece) + "}}]}";
  }

  private static String openAiChunk(String model, String delta, String finishReason) {
    return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\""
        + model
        + "\",\"choices\":[{\"index\":0,\"delta\":"
        + delta
        + ",\"finish_reason\":"
        + finishReason
        + "}]}\n\n";
  }

  private static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A Gemini {@code streamGenerateContent?alt=sse} stream answering {@code words}, with usage. */
  public static String geminiText(String model, int inputTokens, String... words) {
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      boolean last = i == words.length - 1;
      events.append(
          geminiChunk(
              model,
              "{\"text\":" + quote(words[i]) + "}",
              last ? "STOP" : null,
              last ? geminiUsage(inputTokens, words.length) : null));
    }
    return events.toString();
  }

  /** A Gemini stream calling function {@code name} with the JSON object {@code arguments}. */
  public static String geminiToolCall(String model, String name, String arguments) {
    return geminiChunk(
        model,
        "{\"functionCall\":{\"name\":" + quote(name) + ",\"args\":" + arguments + "}}",
        "STOP",
        geminiUsage(40, 6));
  }

  public static final String GEMINI_RATE_LIMITED =
      "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\","
          + "\"status\":\"RESOURCE_EXHAUSTED\"}}";

  public static final String GEMINI_BAD_KEY =
      "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
          + "\"status\":\"INVALID_ARGUMENT\"}}";

  private static String geminiUsage(int inputTokens, int outputTokens) {
    return "{\"promptTokenCount\":"
        + inputTokens
        + ",\"candidatesTokenCount\":"
        + outputTokens
        + ",\"totalTokenCount\":"
        + (inputTokens + outputTokens)
        + "}";
  }

  private static String geminiChunk(String model, String part, String finishReason, String usage) {
    return "data: {\"candidates\":[{\"content\":{\"parts\":["
        + part
        + "],\"role\":\"model\"}"
        + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"")
        + ",\"index\":0}]"
        + (usage == null ? "" : ",\"usageMetadata\":" + usage)
        + ",\"modelVersion\":\""
        + model
        + "\"}\r\n\r\n";
  }
}
