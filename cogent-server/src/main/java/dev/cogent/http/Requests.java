package dev.cogent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.scope.Scope;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What route classes read from a request: its JSON body as a record, its scope, and query
 * parameters with their validation.
 */
public final class Requests {

  static final String SCOPE_ATTRIBUTE = "cogent.scope";

  private final Json json;

  public Requests(Json json) {
    this.json = json;
  }

  /**
   * Reads the body as {@code type}; an empty body reads as {@code {}}.
   *
   * @throws ApiException 400 for malformed JSON, 422 for unknown fields or wrong types
   */
  public <T> T body(Context ctx, Class<T> type) {
    byte[] bytes = ctx.bodyAsBytes();
    try {
      if (isBlank(bytes)) {
        return json.mapper().readValue("{}", type);
      }
      JsonNode tree = json.mapper().readTree(bytes);
      if (tree == null || !tree.isObject()) {
        throw ApiException.invalid("body", "must be a JSON object");
      }
      return json.mapper().treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw ExceptionMapping.fromJson(e);
    } catch (IOException e) {
      throw new ApiException(ErrorCode.BAD_REQUEST, "Unreadable request body");
    }
  }

  /**
   * Rejects the fields and file parts of a multipart form that are not {@code known}, as {@link
   * #body} rejects unknown JSON fields.
   *
   * @throws ApiException 422 naming the first unknown field
   */
  public void checkFormFields(Context ctx, Set<String> known) {
    Set<String> sent = new TreeSet<>(ctx.formParamMap().keySet());
    sent.addAll(ctx.uploadedFileMap().keySet());
    for (String field : sent) {
      if (!known.contains(field)) {
        throw ApiException.invalid(field, "unknown field");
      }
    }
  }

  /** The body as a JSON object of nested maps (for {@code PATCH /config}). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> bodyAsObject(Context ctx) {
    return body(ctx, Map.class);
  }

  /** The scope resolved for this request by the scope filter. */
  public Scope scope(Context ctx) {
    Scope scope = ctx.attribute(SCOPE_ATTRIBUTE);
    return scope != null ? scope : Scope.GLOBAL;
  }

  /**
   * An integer query parameter within bounds.
   *
   * @throws ApiException 422 naming the parameter when it is not an integer or out of bounds
   */
  public int intQuery(Context ctx, String name, int defaultValue, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value < min || value > max) {
        throw ApiException.invalid(name, "must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name, "must be an integer");
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }
}
