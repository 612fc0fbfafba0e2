package dev.cogent.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * An artifact at one version, as stored and as served on the wire. {@code createdAt} is when the
 * artifact was created (version 1); {@code updatedAt} is the last change of this version.
 *
 * @param path nullable
 * @param contentType nullable
 * @param parentVersion null for version 1, otherwise {@code version - 1}
 * @param runId nullable
 * @param checkpointId nullable
 * @param scope the owner scope's values; empty is global
 */
public record Artifact(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("artifact_type") ArtifactType artifactType,
    @JsonProperty("path") String path,
    @JsonProperty("content") String content,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("version") int version,
    @JsonProperty("parent_version") Integer parentVersion,
    @JsonProperty("run_id") String runId,
    @JsonProperty("checkpoint_id") String checkpointId,
    @JsonProperty("visibility") Visibility visibility,
    @JsonProperty("scope") Map<String, String> scope,
    @JsonProperty("source") ArtifactSource source,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  public Artifact {
    if (id == null || name == null || artifactType == null || content == null) {
      throw new IllegalArgumentException("id, name, artifact_type and content are required");
    }
    if (visibility == null || source == null || createdAt == null || updatedAt == null) {
      throw new IllegalArgumentException("visibility, source and timestamps are required");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
    scope = Map.copyOf(scope);
  }
}
