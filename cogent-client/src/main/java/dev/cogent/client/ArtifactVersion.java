package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One stored version of an artifact's content. */
public record ArtifactVersion(
    @JsonProperty("version") int version,
    @JsonProperty("parent_version") Integer parentVersion,
    @JsonProperty("content") String content,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("created_at") Instant createdAt) {}
