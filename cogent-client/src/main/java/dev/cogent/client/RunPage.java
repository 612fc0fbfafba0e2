package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One page of a session's runs, newest first. */
public record RunPage(@JsonProperty("runs") List<Run> runs, @JsonProperty("total") long total) {

  public RunPage {
    runs = runs == null ? List.of() : List.copyOf(runs);
  }
}
