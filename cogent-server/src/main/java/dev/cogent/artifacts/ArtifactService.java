package dev.cogent.artifacts;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.scope.Scope;
import dev.cogent.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Versioned artifacts, scope-aware: a caller sees the artifacts owned by its own scope or by any
 * scope within it (the global scope included); an artifact of any other scope does not exist for it
 * (404). When one id exists under several visible owners, the most specific owner's artifact is the
 * one every method reads and changes.
 *
 * <p>A content change creates a new version ({@code version + 1}, {@code parent_version} = the
 * previous one); a change of metadata only edits the latest version in place. File-managed and
 * {@code policy} artifacts cannot be changed through {@link #update} (409); file-managed ones
 * cannot be deleted either.
 *
 * <p>Thread-safe; every method is one database transaction, and concurrent updates of one artifact
 * queue, so no two versions get the same number.
 */
public final class ArtifactService {

  private final ArtifactRepository repository;
  private final ArtifactValidator validator = new ArtifactValidator();
  private final InstantSource clock;

  public ArtifactService(Database database, InstantSource clock) {
    this.repository = new ArtifactRepository(database);
    this.clock = clock;
  }

  /**
   * Creates version 1 of an artifact, owned by the request's {@code scope} or, when it names none,
   * by the caller's scope. Visibility defaults to {@code private}.
   *
   * @throws ApiException {@code VALIDATION_ERROR} for a missing or invalid field, a content larger
   *     than 1 MiB, or a {@code scope} outside the caller's; {@code CONFLICT} when the id already
   *     exists in the owner scope
   */
  public Artifact create(ArtifactRequests.Create request, Scope caller) {
    validator.validateCreate(request, caller);
    Scope owner = request.scope() == null ? caller : Scope.of(request.scope());
    Instant now = now();
    Artifact artifact =
        new Artifact(
            request.id(),
            request.name(),
            ArtifactType.find(request.artifactType()).orElseThrow(),
            request.path(),
            request.content(),
            request.contentType(),
            1,
            null,
            request.runId(),
            request.checkpointId(),
            request.visibility() == null
                ? Visibility.PRIVATE
                : Visibility.find(request.visibility()).orElseThrow(),
            owner.values(),
            ArtifactSource.API,
            now,
            now);
    if (!repository.insert(artifact)) {
      throw ApiException.conflict("Artifact already exists: " + request.id());
    }
    return artifact;
  }

  /**
   * The latest version of an artifact.
   *
   * @throws ApiException {@code NOT_FOUND} when no visible artifact has this id
   */
  public Artifact get(String id, Scope caller) {
    return repository.findLatest(id, Owners.visibleTo(caller)).stream()
        .min(Owners.MOST_SPECIFIC_FIRST)
        .orElseThrow(() -> notFound(id));
  }

  /** The latest version of every visible artifact that matches the query, ordered by id. */
  public ArtifactList list(ArtifactQuery query) {
    Map<String, Artifact> byId = new TreeMap<>();
    for (Artifact artifact : repository.listLatest(Owners.visibleTo(query.scope()))) {
      byId.merge(
          artifact.id(), artifact, (a, b) -> Owners.MOST_SPECIFIC_FIRST.compare(a, b) <= 0 ? a : b);
    }
    // Filter after choosing the owner, so a hidden (shadowed) artifact never shows through.
    return ArtifactList.of(byId.values().stream().filter(query::matches).toList());
  }

  /**
   * Changes the fields present in the request. New content (different from the latest) creates a
   * new version; otherwise the latest version is edited in place. A request that changes nothing
   * returns the artifact as it was.
   *
   * @throws ApiException {@code VALIDATION_ERROR} (nothing changes), {@code NOT_FOUND}, or {@code
   *     CONFLICT} for a file-managed or {@code policy} artifact
   */
  public Artifact update(String id, ArtifactRequests.Update request, Scope caller) {
    validator.validateUpdate(request);
    Scope owner = Scope.of(get(id, caller).scope());
    return repository
        .update(id, owner, current -> revise(current, request))
        .orElseThrow(() -> notFound(id));
  }

  /**
   * Deletes an artifact with all its versions.
   *
   * @throws ApiException {@code NOT_FOUND}, or {@code CONFLICT} for a file-managed artifact
   */
  public void delete(String id, Scope caller) {
    Artifact artifact = get(id, caller);
    if (artifact.source() == ArtifactSource.FILE) {
      throw fileManaged(id);
    }
    if (!repository.delete(id, Scope.of(artifact.scope()))) {
      throw notFound(id);
    }
  }

  /**
   * Every version of an artifact, highest first.
   *
   * @throws ApiException {@code NOT_FOUND}
   */
  public ArtifactVersionList listVersions(String id, Scope caller) {
    Scope owner = Scope.of(get(id, caller).scope());
    List<ArtifactVersion> versions = repository.listVersions(id, owner);
    if (versions.isEmpty()) {
      throw notFound(id);
    }
    return ArtifactVersionList.of(id, versions);
  }

  /**
   * The artifact as it was at {@code version}.
   *
   * @throws ApiException {@code NOT_FOUND} for an unknown artifact or version
   */
  public Artifact getVersion(String id, int version, Scope caller) {
    Scope owner = Scope.of(get(id, caller).scope());
    return repository
        .findVersion(id, owner, version)
        .orElseThrow(
            () ->
                new ApiException(
                    ErrorCode.NOT_FOUND,
                    "Artifact version not found: " + id + " version " + version,
                    Map.of("resource", "artifact_version", "id", id, "version", version)));
  }

  private Artifact revise(Artifact current, ArtifactRequests.Update request) {
    if (current.source() == ArtifactSource.FILE) {
      throw fileManaged(current.id());
    }
    if (current.artifactType() == ArtifactType.POLICY) {
      throw ApiException.conflict(
          "Artifact is a read-only policy; delete and recreate it to change it: " + current.id());
    }
    boolean newContent = request.content() != null && !request.content().equals(current.content());
    Artifact revised =
        new Artifact(
            current.id(),
            or(request.name(), current.name()),
            current.artifactType(),
            or(request.path(), current.path()),
            or(request.content(), current.content()),
            or(request.contentType(), current.contentType()),
            newContent ? current.version() + 1 : current.version(),
            newContent ? Integer.valueOf(current.version()) : current.parentVersion(),
            or(request.runId(), current.runId()),
            or(request.checkpointId(), current.checkpointId()),
            request.visibility() == null
                ? current.visibility()
                : Visibility.find(request.visibility()).orElseThrow(),
            current.scope(),
            current.source(),
            current.createdAt(),
            current.updatedAt());
    if (revised.equals(current)) {
      return current;
    }
    return withUpdatedAt(revised, now());
  }

  private static Artifact withUpdatedAt(Artifact a, Instant updatedAt) {
    return new Artifact(
        a.id(),
        a.name(),
        a.artifactType(),
        a.path(),
        a.content(),
        a.contentType(),
        a.version(),
        a.parentVersion(),
        a.runId(),
        a.checkpointId(),
        a.visibility(),
        a.scope(),
        a.source(),
        a.createdAt(),
        updatedAt);
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private Instant now() {
    // Milliseconds are what the store keeps; truncating here keeps responses equal to reads.
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static ApiException fileManaged(String id) {
    return ApiException.conflict("Artifact is file-managed: " + id);
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("artifact", id);
  }
}
