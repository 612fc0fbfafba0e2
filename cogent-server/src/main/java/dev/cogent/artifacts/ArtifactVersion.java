package dev.cogent.artifacts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One entry of an artifact's version history: its content as written at {@code createdAt}.
 *
 * @param parentVersion null for version 1
 * @param contentType nullable
 */
public record ArtifactVersion(
    @JsonProperty("version") int version,
    @JsonProperty("parent_version") Integer parentVersion,
    @JsonProperty("content") String content,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("created_at") Instant createdAt) {}
