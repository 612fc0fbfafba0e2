package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The body of {@link Artifacts#create}: {@code id}, {@code name}, {@code artifactType} ({@code
 * scratch}, {@code artifact}, {@code contract}, {@code eval}, {@code memory}, {@code policy}) and
 * {@code content} are required; {@code visibility} is {@code private} (default), {@code run} or
 * {@code public}. Null fields are not sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtifactRequest(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("artifact_type") String artifactType,
    @JsonProperty("content") String content,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("path") String path,
    @JsonProperty("run_id") String runId,
    @JsonProperty("checkpoint_id") String checkpointId,
    @JsonProperty("visibility") String visibility,
    @JsonProperty("scope") Map<String, String> scope) {

  public static ArtifactRequest of(String id, String name, String artifactType, String content) {
    return new ArtifactRequest(id, name, artifactType, content, null, null, null, null, null, null);
  }

  public ArtifactRequest withContentType(String value) {
    return new ArtifactRequest(
        id, name, artifactType, content, value, path, runId, checkpointId, visibility, scope);
  }

  public ArtifactRequest withVisibility(String value) {
    return new ArtifactRequest(
        id, name, artifactType, content, contentType, path, runId, checkpointId, value, scope);
  }
}
