package dev.cogent.runtime;

import dev.cogent.session.Message;
import java.util.List;

/**
 * What a model turn is given before it becomes LangChain4j messages: the system prompt and the
 * stored transcript the turn sees (a summary may have replaced its older part).
 */
record Conversation(String systemPrompt, List<Message> transcript) {

  Conversation {
    transcript = List.copyOf(transcript);
  }
}
