package dev.cogent.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id of a request: the caller's {@code X-Request-Id} when it is sane, else a new
 * UUID. It is echoed on every response, put in the logging MDC and named in 500 bodies.
 */
final class RequestIds {

  static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = "cogent.request_id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

  private RequestIds() {}

  static void assign(Context ctx) {
    String offered = ctx.header(HEADER);
    String id = offered != null && SANE.matcher(offered).matches() ? offered : newId();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put("request_id", id);
  }

  /** Names the request in the logging MDC of a thread that goes on with it. */
  static void resumeOn(Context ctx) {
    MDC.put("request_id", of(ctx));
  }

  /** This thread is done with the request (it ended, or goes on elsewhere). */
  static void leave() {
    MDC.remove("request_id");
  }

  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    return id != null ? id : "unassigned";
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
