package dev.cogent.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /artifacts}: the latest version of every visible artifact, and how many. */
public record ArtifactList(
    @JsonProperty("artifacts") List<Artifact> artifacts, @JsonProperty("count") int count) {

  public ArtifactList {
    artifacts = List.copyOf(artifacts);
  }

  static ArtifactList of(List<Artifact> artifacts) {
    return new ArtifactList(artifacts, artifacts.size());
  }
}
