package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code GET /sessions/{id}/messages}, oldest first. */
public record MessagePage(
    @JsonProperty("messages") List<Message> messages,
    @JsonProperty("total") long total,
    @JsonProperty("has_more") boolean hasMore) {

  public MessagePage {
    messages = List.copyOf(messages);
  }
}
