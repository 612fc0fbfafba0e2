package dev.cogent.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;

/**
 * The one way to ask a model to summarize a conversation (the runtime's history compaction). The
 * {@code mock} model recognises these requests and answers them deterministically (see
 * docs/testing.md).
 */
public final class SummaryRequests {

  static final String INSTRUCTION =
      "You compact conversations. Summarize the conversation you are given so that an agent can"
          + " continue the work from the summary alone: the user's goals and instructions, decisions"
          + " made, files and commands involved, results so far and open tasks. Be concise and"
          + " factual; answer with the summary only.";

  private SummaryRequests() {}

  /**
   * @param transcript the conversation to summarize, as text
   */
  public static ChatRequest of(String modelName, String transcript) {
    return ChatRequest.builder()
        .modelName(modelName)
        .messages(SystemMessage.from(INSTRUCTION), UserMessage.from(transcript))
        .build();
  }

  static boolean isSummaryRequest(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    return !messages.isEmpty()
        && messages.get(0) instanceof SystemMessage system
        && INSTRUCTION.equals(system.text());
  }
}
