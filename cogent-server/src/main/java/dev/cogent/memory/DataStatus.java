package dev.cogent.memory;

import java.util.Arrays;
import java.util.Locale;

/** Where a data item is in the pipeline; cognify picks up {@link #PENDING} and {@link #ERRORED}. */
public enum DataStatus {
  PENDING,
  PROCESSING,
  COGNIFIED,
  ERRORED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DataStatus fromWire(String value) {
    return Arrays.stream(values())
        .filter(status -> status.wireName().equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown data status " + value));
  }
}
