package dev.cogent.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The request bodies of the artifact endpoints. Absent fields are null. */
public final class ArtifactRequests {

  private ArtifactRequests() {}

  /**
   * {@code POST /artifacts}. {@code artifactType} and {@code visibility} stay text here so that an
   * unknown value is reported by the validator with the field's name.
   *
   * @param scope the owner scope; must be within the caller's scope. Null means the caller's scope.
   */
  public record Create(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("artifact_type") String artifactType,
      @JsonProperty("content") String content,
      @JsonProperty("content_type") String contentType,
      @JsonProperty("path") String path,
      @JsonProperty("run_id") String runId,
      @JsonProperty("checkpoint_id") String checkpointId,
      @JsonProperty("visibility") String visibility,
      @JsonProperty("scope") Map<String, String> scope) {}

  /**
   * {@code PUT /artifacts/{id}}: only the fields present change; null means "leave as it is", so a
   * nullable field cannot be cleared once set.
   */
  public record Update(
      @JsonProperty("content") String content,
      @JsonProperty("name") String name,
      @JsonProperty("content_type") String contentType,
      @JsonProperty("path") String path,
      @JsonProperty("run_id") String runId,
      @JsonProperty("checkpoint_id") String checkpointId,
      @JsonProperty("visibility") String visibility) {}
}
