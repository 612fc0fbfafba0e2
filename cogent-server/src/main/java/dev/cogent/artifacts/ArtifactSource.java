package dev.cogent.artifacts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an artifact came from: {@code api} (created through the API or an agent tool) or {@code
 * file} (seeded from the project, read-only through the API: changing or deleting it is 409).
 */
public enum ArtifactSource {
  API,
  FILE;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<ArtifactSource> find(String value) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
  }
}
