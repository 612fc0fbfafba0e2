package dev.cogent.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /artifacts/{id}/versions}: every version, highest first. */
public record ArtifactVersionList(
    @JsonProperty("artifact_id") String artifactId,
    @JsonProperty("versions") List<ArtifactVersion> versions,
    @JsonProperty("count") int count) {

  public ArtifactVersionList {
    versions = List.copyOf(versions);
  }

  static ArtifactVersionList of(String artifactId, List<ArtifactVersion> versions) {
    return new ArtifactVersionList(artifactId, versions, versions.size());
  }
}
