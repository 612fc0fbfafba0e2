package dev.cogent.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How often one operation failed for one reason during the measured window.
 *
 * @param reason {@code HTTP <status>} for a non-2xx answer, else the exception's simple class name
 * @param example the first failure's response body or exception message, shortened
 */
record ErrorCount(
    @JsonProperty("operation") String operation,
    @JsonProperty("reason") String reason,
    @JsonProperty("count") long count,
    @JsonProperty("example") String example) {

  ErrorCount {
    if (operation == null || reason == null || example == null) {
      throw new IllegalArgumentException("operation, reason and example are required");
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
  }
}
