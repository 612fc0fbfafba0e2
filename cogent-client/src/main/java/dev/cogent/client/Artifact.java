package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** One version of a durable artifact (the latest, unless read by version). */
public record Artifact(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("artifact_type") String artifactType,
    @JsonProperty("path") String path,
    @JsonProperty("content") String content,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("version") int version,
    @JsonProperty("parent_version") Integer parentVersion,
    @JsonProperty("run_id") String runId,
    @JsonProperty("checkpoint_id") String checkpointId,
    @JsonProperty("visibility") String visibility,
    @JsonProperty("scope") Map<String, String> scope,
    @JsonProperty("source") String source,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  public Artifact {
    scope = scope == null ? Map.of() : Map.copyOf(scope);
  }
}
