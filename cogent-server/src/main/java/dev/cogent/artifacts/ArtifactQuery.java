package dev.cogent.artifacts;

import dev.cogent.scope.Scope;

/**
 * The filters of {@code GET /artifacts}.
 *
 * @param type only artifacts of this type; null for every type
 * @param runId only artifacts whose latest version names this run; null for any
 */
public record ArtifactQuery(Scope scope, ArtifactType type, String runId) {

  public ArtifactQuery {
    if (scope == null) {
      throw new IllegalArgumentException("scope is required");
    }
  }

  boolean matches(Artifact artifact) {
    return (type == null || artifact.artifactType() == type)
        && (runId == null || runId.equals(artifact.runId()));
  }
}
