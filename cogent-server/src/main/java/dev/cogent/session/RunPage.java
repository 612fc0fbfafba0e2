package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of {@code GET /sessions/{id}/runs}, newest first. */
public record RunPage(@JsonProperty("runs") List<Run> runs, @JsonProperty("total") long total) {

  public RunPage {
    runs = List.copyOf(runs);
  }
}
