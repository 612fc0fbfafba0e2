package dev.cogent.client;

import java.util.Map;

/**
 * An error answered by the server, carrying its error envelope: the HTTP status, the {@code code}
 * (for example {@code SESSION_NOT_FOUND}, {@code VALIDATION_ERROR}), the message and the details.
 * Also thrown, with status 0 and code {@code CONNECTION_FAILED}, when the server could not be
 * reached after the configured retries.
 */
public final class CogentException extends RuntimeException {

  private final int status;
  private final String code;
  private final Map<String, Object> details;
  private final String requestId;

  public CogentException(
      int status, String code, String message, Map<String, Object> details, String requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details == null ? Map.of() : Map.copyOf(details);
    this.requestId = requestId;
  }

  CogentException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.code = "CONNECTION_FAILED";
    this.details = Map.of();
    this.requestId = null;
  }

  /** The HTTP status, or 0 when no response was received. */
  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }

  /** The server's correlation id of the failed request, to quote in a bug report; may be null. */
  public String requestId() {
    return requestId;
  }
}
