package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code GET /sessions/{id}/events}, in sequence order. */
public record EventPage(
    @JsonProperty("events") List<LoggedEvent> events, @JsonProperty("has_more") boolean hasMore) {

  public EventPage {
    events = List.copyOf(events);
  }
}
