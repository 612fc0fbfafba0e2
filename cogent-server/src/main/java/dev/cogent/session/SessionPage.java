package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code GET /sessions}: the sessions and the total that match the query. */
public record SessionPage(
    @JsonProperty("sessions") List<Session> sessions,
    @JsonProperty("total") long total,
    @JsonProperty("limit") int limit,
    @JsonProperty("offset") int offset) {

  public SessionPage {
    sessions = List.copyOf(sessions);
  }
}
