package dev.cogent.runtime;

import dev.cogent.Json;
import dev.cogent.session.Message;
import dev.cogent.session.MessageRole;
import dev.cogent.session.ToolCall;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stored transcript of a session as the conversation a model is given. */
final class ChatHistory {

  private final Json json;

  ChatHistory(Json json) {
    this.json = json;
  }

  List<ChatMessage> from(List<Message> transcript) {
    List<ChatMessage> chat = new ArrayList<>();
    Map<String, String> toolNames = new HashMap<>();
    Map<String, String> unanswered = new LinkedHashMap<>();
    for (Message message : transcript) {
      if (message.role() == MessageRole.TOOL) {
        unanswered.remove(message.toolCallId());
      } else {
        closeDangling(chat, unanswered);
      }
      switch (message.role()) {
        case USER -> chat.add(UserMessage.from(message.content()));
        case SYSTEM -> chat.add(SystemMessage.from(message.content()));
        case ASSISTANT -> {
          chat.add(assistant(message, toolNames));
          message.toolCalls().forEach(call -> unanswered.put(call.id(), call.name()));
        }
        case TOOL ->
            chat.add(
                ToolExecutionResultMessage.from(
                    message.toolCallId(),
                    toolNames.getOrDefault(message.toolCallId(), "tool"),
                    message.content()));
      }
    }
    closeDangling(chat, unanswered);
    return chat;
  }

  /**
   * A run cut off between a tool call and its result leaves the call unanswered; models reject such
   * a conversation, so it gets a result that says what happened.
   */
  private static void closeDangling(List<ChatMessage> chat, Map<String, String> unanswered) {
    unanswered.forEach(
        (id, name) ->
            chat.add(
                ToolExecutionResultMessage.from(
                    id, name, "The tool call did not complete: the run was stopped.")));
    unanswered.clear();
  }

  AiMessage assistant(Message message, Map<String, String> toolNames) {
    if (message.toolCalls().isEmpty()) {
      return AiMessage.from(message.content());
    }
    List<ToolExecutionRequest> calls = new ArrayList<>();
    for (ToolCall call : message.toolCalls()) {
      toolNames.put(call.id(), call.name());
      calls.add(
          ToolExecutionRequest.builder()
              .id(call.id())
              .name(call.name())
              .arguments(json.write(call.args()))
              .build());
    }
    return message.content().isEmpty()
        ? AiMessage.from(calls)
        : AiMessage.from(message.content(), calls);
  }
}
