package dev.cogent.http;

import dev.cogent.identity.Principal;
import dev.cogent.observability.Metrics;
import dev.cogent.observability.RequestTracer;
import dev.cogent.observability.TraceSpan;
import dev.cogent.scope.Scope;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Duration;

/**
 * The span and the metrics of every HTTP request: started by a before-hook, ended by an after-hook,
 * which Javalin runs on the same thread even when the handler threw; a request that goes on after
 * its handler (an SSE stream) is {@link #detach detached} from that thread first and ends on the
 * one that finishes it. Spans and metrics are named by the matched route template ({@code POST
 * /sessions/{session_id}/messages}), never by the raw path, which carries ids.
 */
final class RequestObservation {

  private static final String SPAN_ATTRIBUTE = "cogent.span";
  private static final String STARTED_ATTRIBUTE = "cogent.started_nanos";

  private final RequestTracer tracer;
  private final Metrics metrics;

  RequestObservation(RequestTracer tracer, Metrics metrics) {
    this.tracer = tracer;
    this.metrics = metrics;
  }

  void start(Context ctx) {
    ctx.attribute(STARTED_ATTRIBUTE, System.nanoTime());
    ctx.attribute(SPAN_ATTRIBUTE, tracer.start(ctx.method().name(), ctx.path(), ctx::header));
  }

  /**
   * The request goes on after its handler returned ({@code ctx.future}), and ends on another
   * thread: its span stops being current on the handler's thread now, and still ends with the
   * request.
   */
  static void detach(Context ctx) {
    TraceSpan span = ctx.attribute(SPAN_ATTRIBUTE);
    if (span != null) {
      span.detach();
    }
  }

  void end(Context ctx) {
    TraceSpan span = ctx.attribute(SPAN_ATTRIBUTE);
    Long started = ctx.attribute(STARTED_ATTRIBUTE);
    if (span == null || started == null) {
      return;
    }
    String method = ctx.method().name();
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    String route = endpoint == null ? "unmatched" : endpoint.path;
    int status = ctx.statusCode();
    if (endpoint != null) {
      span.name(method + " " + route).attribute("http.route", route);
    }
    span.attribute("http.response.status_code", status);
    Principal principal = ctx.attribute(Authentication.PRINCIPAL_ATTRIBUTE);
    if (principal != null) {
      span.attribute("cogent.tenant", principal.tenantId());
    }
    Scope scope = ctx.attribute(Requests.SCOPE_ATTRIBUTE);
    if (scope != null) {
      span.attribute("cogent.scope", scope.canonical());
    }
    span.outcome(status >= 500 ? "error" : "ok").close();
    metrics.httpRequest(method, route, status, Duration.ofNanos(System.nanoTime() - started));
  }
}
