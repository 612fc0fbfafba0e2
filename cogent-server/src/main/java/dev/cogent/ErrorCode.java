package dev.cogent;

/**
 * The error codes of the agent-runtime API ("Error Format" in spec 001), each with the HTTP status
 * it is answered with. Codes that only travel inside an SSE {@code error} event ({@link #ABORTED})
 * carry the status of the stream that was already open.
 */
public enum ErrorCode {
  BAD_REQUEST(400),
  UNAUTHENTICATED(401),
  PERMISSION_DENIED(403),
  NOT_FOUND(404),
  SESSION_NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  CONFLICT(409),
  SESSION_BUSY(409),
  PAYLOAD_TOO_LARGE(413),
  UNSUPPORTED_MEDIA_TYPE(415),
  VALIDATION_ERROR(422),
  RATE_LIMITED(429),
  INTERNAL_ERROR(500),
  TOOL_EXECUTION_ERROR(500),
  STREAMING_ERROR(500),
  LLM_UNAVAILABLE(503),
  SERVICE_UNAVAILABLE(503),
  ABORTED(200);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  /** The HTTP status a response carrying this code has. */
  public int status() {
    return status;
  }
}
