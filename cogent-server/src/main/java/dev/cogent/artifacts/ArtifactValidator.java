package dev.cogent.artifacts;

import dev.cogent.ApiException;
import dev.cogent.ApiException.FieldError;
import dev.cogent.scope.Scope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The validation rules of the artifact endpoints: collects every problem of a request and reports
 * them together as one 422.
 */
final class ArtifactValidator {

  /** The largest content one version may hold, in UTF-8 bytes (1 MiB). */
  static final int MAX_CONTENT_BYTES = 1024 * 1024;

  static final int MAX_ID = 200;
  static final int MAX_NAME = 200;
  static final int MAX_PATH = 1000;
  static final int MAX_REFERENCE = 200;

  /** URL-safe, so that an id is one path segment of {@code /artifacts/{artifact_id}}. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~:@-]*");

  void validateCreate(ArtifactRequests.Create request, Scope caller) {
    List<FieldError> errors = new ArrayList<>();
    if (request.id() == null) {
      errors.add(new FieldError("id", "is required"));
    } else if (request.id().length() > MAX_ID || !ID.matcher(request.id()).matches()) {
      errors.add(
          new FieldError(
              "id",
              "must be 1 to "
                  + MAX_ID
                  + " characters of letters, digits and . _ ~ : @ -, starting with a letter or"
                  + " digit"));
    }
    if (request.name() == null) {
      errors.add(new FieldError("name", "is required"));
    }
    if (request.artifactType() == null) {
      errors.add(new FieldError("artifact_type", "is required"));
    } else {
      if (ArtifactType.find(request.artifactType()).isEmpty()) {
        errors.add(new FieldError("artifact_type", "must be one of " + ArtifactType.wireNames()));
      }
    }
    if (request.content() == null) {
      errors.add(new FieldError("content", "is required"));
    }
    common(
        request.name(),
        request.content(),
        request.contentType(),
        request.path(),
        request.runId(),
        request.checkpointId(),
        request.visibility(),
        errors);
    if (request.scope() != null) {
      scope(request.scope(), caller, errors);
    }
    throwIfAny(errors);
  }

  void validateUpdate(ArtifactRequests.Update request) {
    List<FieldError> errors = new ArrayList<>();
    common(
        request.name(),
        request.content(),
        request.contentType(),
        request.path(),
        request.runId(),
        request.checkpointId(),
        request.visibility(),
        errors);
    throwIfAny(errors);
  }

  private static void common(
      String name,
      String content,
      String contentType,
      String path,
      String runId,
      String checkpointId,
      String visibility,
      List<FieldError> errors) {
    if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
      errors.add(new FieldError("name", "must be 1 to " + MAX_NAME + " characters, not blank"));
    }
    if (content != null && exceedsContentLimit(content)) {
      errors.add(
          new FieldError("content", "must be at most " + MAX_CONTENT_BYTES + " bytes (UTF-8)"));
    }
    maxLength("content_type", contentType, MAX_REFERENCE, errors);
    maxLength("path", path, MAX_PATH, errors);
    maxLength("run_id", runId, MAX_REFERENCE, errors);
    maxLength("checkpoint_id", checkpointId, MAX_REFERENCE, errors);
    if (visibility != null && Visibility.find(visibility).isEmpty()) {
      errors.add(new FieldError("visibility", "must be one of " + Visibility.wireNames()));
    }
  }

  /** The owner scope a client asks for must not reach outside its own scope. */
  private static void scope(Map<String, String> requested, Scope caller, List<FieldError> errors) {
    if (requested.values().stream().anyMatch(value -> value == null || value.isBlank())) {
      errors.add(new FieldError("scope", "values must be non-blank strings"));
    } else if (!Scope.of(requested).isWithin(caller)) {
      errors.add(
          new FieldError(
              "scope", "must be within the caller's scope " + caller.values() + " (or omitted)"));
    }
  }

  private static boolean exceedsContentLimit(String content) {
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so short texts need no encoding.
    return content.length() > MAX_CONTENT_BYTES / 3
        && content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES;
  }

  private static void maxLength(String field, String value, int max, List<FieldError> errors) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw ApiException.validation(errors);
    }
  }
}
