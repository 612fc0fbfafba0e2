package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of a session's messages, oldest first. */
public record MessagePage(
    @JsonProperty("messages") List<Message> messages,
    @JsonProperty("total") long total,
    @JsonProperty("has_more") boolean hasMore) {

  public MessagePage {
    messages = messages == null ? List.of() : List.copyOf(messages);
  }
}
