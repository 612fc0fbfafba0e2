package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of sessions and how many match in all. */
public record SessionPage(
    @JsonProperty("sessions") List<Session> sessions,
    @JsonProperty("total") long total,
    @JsonProperty("limit") int limit,
    @JsonProperty("offset") int offset) {

  public SessionPage {
    sessions = sessions == null ? List.of() : List.copyOf(sessions);
  }
}
