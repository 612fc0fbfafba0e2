package dev.cogent.artifacts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who an artifact is meant for: {@code private} (its session), {@code run} (its run), {@code
 * public} (the whole scope). The HTTP API shows every visibility to the owning scope; the runtime's
 * agent tools are where private and run narrow what an agent sees.
 */
public enum Visibility {
  PRIVATE,
  RUN,
  PUBLIC;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Visibility> find(String value) {
    return Arrays.stream(values()).filter(v -> v.wireName().equals(value)).findFirst();
  }

  static String wireNames() {
    return Arrays.stream(values()).map(Visibility::wireName).collect(Collectors.joining(", "));
  }
}
