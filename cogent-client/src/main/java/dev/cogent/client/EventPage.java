package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Logged events after a sequence; ask again from the last one's sequence while {@code hasMore}. */
public record EventPage(
    @JsonProperty("events") List<LoggedEvent> events, @JsonProperty("has_more") boolean hasMore) {

  public EventPage {
    events = events == null ? List.of() : List.copyOf(events);
  }
}
