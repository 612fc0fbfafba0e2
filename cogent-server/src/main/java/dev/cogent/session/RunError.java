package dev.cogent.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.ErrorCode;

/** Why a run failed or was aborted: the code and message of its {@code error} event. */
public record RunError(
    @JsonProperty("code") ErrorCode code, @JsonProperty("message") String message) {

  public RunError {
    if (code == null || message == null) {
      throw new IllegalArgumentException("code and message are required");
    }
  }
}
