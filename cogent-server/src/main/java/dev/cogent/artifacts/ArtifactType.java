package dev.cogent.artifacts;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.cogent.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an artifact is for ("Artifacts" in spec 001); wire values are lower case. */
public enum ArtifactType {
  /** Thread-scoped working notes. */
  SCRATCH,
  /** A user-visible result. */
  ARTIFACT,
  /** Done criteria. */
  CONTRACT,
  /** Evaluator results. */
  EVAL,
  /** Scoped memory. */
  MEMORY,
  /** Read-only organisation policy: created once, never changed through {@code PUT}. */
  POLICY;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type a client named.
   *
   * @param field the request field or query parameter the value came from, for the error
   * @throws ApiException {@code VALIDATION_ERROR} naming {@code field} for an unknown type
   */
  public static ArtifactType parse(String field, String value) {
    return find(value)
        .orElseThrow(() -> ApiException.invalid(field, "must be one of " + wireNames()));
  }

  static Optional<ArtifactType> find(String value) {
    return Arrays.stream(values()).filter(type -> type.wireName().equals(value)).findFirst();
  }

  static String wireNames() {
    return Arrays.stream(values()).map(ArtifactType::wireName).collect(Collectors.joining(", "));
  }
}
