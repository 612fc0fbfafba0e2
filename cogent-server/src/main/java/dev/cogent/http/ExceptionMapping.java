package dev.cogent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become responses: {@link ApiException} as it says, Javalin's own
 * responses (unknown route, wrong method, body too large) as their codes, and anything else as a
 * 500 {@code INTERNAL_ERROR} whose body names only the request id. The stack trace goes to the log,
 * never to the client.
 */
final class ExceptionMapping {

  private static final Logger log = LoggerFactory.getLogger(ExceptionMapping.class);

  private ExceptionMapping() {}

  static void apiException(ApiException e, Context ctx) {
    render(ctx, e.code(), e.getMessage(), e.details());
  }

  static void javalinResponse(HttpResponseException e, Context ctx) {
    ErrorCode code =
        switch (e.getStatus()) {
          case 400 -> ErrorCode.BAD_REQUEST;
          case 404 -> ErrorCode.NOT_FOUND;
          case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
          case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
          case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
          default -> null;
        };
    if (code == null) {
      unexpected(e, ctx);
      return;
    }
    String message =
        switch (code) {
          case NOT_FOUND -> "No route for " + ctx.method() + " " + ctx.path();
          case METHOD_NOT_ALLOWED -> "Method " + ctx.method() + " is not allowed on " + ctx.path();
          case PAYLOAD_TOO_LARGE -> "Request body is too large";
          default -> e.getMessage();
        };
    render(ctx, code, message, Map.of());
  }

  static void unexpected(Exception e, Context ctx) {
    if (isClientAbort(e)) {
      log.debug("Client went away during {} {}", ctx.method(), ctx.path(), e);
      return;
    }
    log.error(
        "Unexpected error in {} {} (request {})", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
    render(
        ctx,
        ErrorCode.INTERNAL_ERROR,
        "Internal server error; quote request id " + RequestIds.of(ctx) + " when reporting it",
        Map.of());
  }

  /** Translates a body that Jackson could not read into a 400 (syntax) or 422 (shape). */
  static ApiException fromJson(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String field = path(unknown);
      return ApiException.invalid(field, "unknown field");
    }
    if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
      JsonMappingException mapping = (JsonMappingException) e;
      String field = path(mapping);
      String expected =
          mapping instanceof MismatchedInputException mismatched
                  && mismatched.getTargetType() != null
              ? "must be " + describe(mismatched.getTargetType())
              : "has the wrong type";
      return ApiException.invalid(field.isEmpty() ? "body" : field, expected);
    }
    return new ApiException(
        ErrorCode.BAD_REQUEST,
        "Malformed JSON body: " + e.getOriginalMessage(),
        Map.of("line", e.getLocation() == null ? 0 : e.getLocation().getLineNr()));
  }

  private static String path(JsonMappingException e) {
    List<JsonMappingException.Reference> refs = e.getPath();
    return refs.stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String describe(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "a " + type.getSimpleName();
  }

  private static boolean isClientAbort(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EofException) {
        return true;
      }
    }
    return false;
  }

  private static void render(
      Context ctx, ErrorCode code, String message, Map<String, Object> details) {
    ctx.status(code.status());
    ctx.json(new ErrorBody(message, code.name(), new LinkedHashMap<>(details), RequestIds.of(ctx)));
  }
}
