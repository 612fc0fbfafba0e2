package dev.cogent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one exception type that reaches clients: a code from {@link ErrorCode}, a human-readable
 * message and structured details. Domain code throws it; only the HTTP layer renders it, as the
 * envelope {@code {"error","code","details"}}. The message must never contain secrets or stack
 * traces: it is shown to the caller as it is.
 */
public class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final Map<String, Object> details;

  public ApiException(ErrorCode code, String message, Map<String, Object> details) {
    super(message);
    this.code = code;
    this.details = Map.copyOf(details);
  }

  public ApiException(ErrorCode code, String message) {
    this(code, message, Map.of());
  }

  public ErrorCode code() {
    return code;
  }

  public int status() {
    return code.status();
  }

  public Map<String, Object> details() {
    return details;
  }

  /** A resource of the given kind does not exist, or is outside the caller's scope. */
  public static ApiException notFound(String kind, String id) {
    return new ApiException(
        ErrorCode.NOT_FOUND, kind + " not found: " + id, Map.of("resource", kind, "id", id));
  }

  /** One request field is invalid; {@code field} is its dotted path in the request body. */
  public static ApiException invalid(String field, String problem) {
    return validation(List.of(new FieldError(field, problem)));
  }

  /** Several request fields are invalid; details carry every one of them. */
  public static ApiException validation(List<FieldError> errors) {
    String message =
        errors.size() == 1
            ? "Invalid request: " + errors.get(0).field() + ": " + errors.get(0).message()
            : "Invalid request: " + errors.size() + " fields are invalid";
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("errors", errors.stream().map(FieldError::toMap).toList());
    return new ApiException(ErrorCode.VALIDATION_ERROR, message, details);
  }

  public static ApiException conflict(String message) {
    return new ApiException(ErrorCode.CONFLICT, message);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(ErrorCode.BAD_REQUEST, message);
  }

  /** One invalid field of a request: its dotted path ({@code config.temperature}) and why. */
  public record FieldError(String field, String message) {
    public FieldError {
      if (field == null || message == null) {
        throw new IllegalArgumentException("field and message are required");
      }
    }

    Map<String, Object> toMap() {
      return Map.of("field", field, "message", message);
    }
  }
}
