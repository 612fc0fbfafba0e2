package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.StringJoiner;

/** Versioned artifacts ({@code /artifacts}). Obtain it from {@link CogentClient#artifacts()}. */
public final class Artifacts {

  private final Transport transport;

  Artifacts(Transport transport) {
    this.transport = transport;
  }

  /**
   * The latest version of each visible artifact.
   *
   * @param artifactType only this type, or null
   * @param runId only artifacts of this run, or null
   */
  public List<Artifact> list(String artifactType, String runId) {
    StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");
    if (artifactType != null) {
      params.add("artifact_type=" + Transport.encode(artifactType));
    }
    if (runId != null) {
      params.add("run_id=" + Transport.encode(runId));
    }
    return transport.call("GET", "/artifacts" + params, null, ArtifactList.class).artifacts();
  }

  /** The latest version. @throws CogentException {@code NOT_FOUND} (404) */
  public Artifact get(String id) {
    return transport.call("GET", path(id), null, Artifact.class);
  }

  /** One version (1 is the first). @throws CogentException {@code NOT_FOUND} (404) */
  public Artifact get(String id, int version) {
    return transport.call("GET", path(id) + "/versions/" + version, null, Artifact.class);
  }

  /**
   * @throws CogentException {@code VALIDATION_ERROR} (422) for an unknown type or visibility
   */
  public Artifact create(ArtifactRequest request) {
    return transport.call("POST", "/artifacts", request, Artifact.class);
  }

  /** Changes the fields set; new content becomes a new version whose parent is the previous. */
  public Artifact update(String id, ArtifactUpdate update) {
    return transport.call("PUT", path(id), update, Artifact.class);
  }

  /** Deletes the artifact with all its versions. */
  public void delete(String id) {
    transport.call("DELETE", path(id), null, Void.class);
  }

  /** Every version, newest first. */
  public List<ArtifactVersion> versions(String id) {
    return transport.call("GET", path(id) + "/versions", null, VersionList.class).versions();
  }

  private static String path(String id) {
    return "/artifacts/" + Transport.encode(id);
  }

  record ArtifactList(@JsonProperty("artifacts") List<Artifact> artifacts) {}

  record VersionList(@JsonProperty("versions") List<ArtifactVersion> versions) {}
}
