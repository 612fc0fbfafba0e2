package dev.cogent.registry;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a registry row comes from; file rows are read-only through the API. */
public enum Source {
  /** Seeded from a file (or built in) at start-up; the API answers 409 to changes. */
  @JsonProperty("file")
  FILE("file"),
  /** Created through the API; wins over a file of the same name and scope across restarts. */
  @JsonProperty("api")
  API("api");

  private final String wireName;

  Source(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  static Source fromWire(String value) {
    for (Source source : values()) {
      if (source.wireName.equals(value)) {
        return source;
      }
    }
    throw new IllegalStateException("unknown registry source in storage: " + value);
  }
}
