package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@link Artifacts#update}: only the fields set change; new {@code content} makes a new
 * version. Null fields are not sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtifactUpdate(
    @JsonProperty("content") String content,
    @JsonProperty("name") String name,
    @JsonProperty("content_type") String contentType,
    @JsonProperty("path") String path,
    @JsonProperty("visibility") String visibility) {

  /** New content, which becomes the next version. */
  public static ArtifactUpdate content(String content) {
    return new ArtifactUpdate(content, null, null, null, null);
  }
}
