package dev.cogent.http.routes;

import dev.cogent.ApiException;
import dev.cogent.http.Requests;
import dev.cogent.http.SseWriter;
import dev.cogent.runtime.AgentRuntime;
import dev.cogent.runtime.MessageRequest;
import dev.cogent.scope.Scope;
import dev.cogent.session.EventLog;
import dev.cogent.session.EventSubscription;
import dev.cogent.session.MessageService;
import dev.cogent.session.Run;
import dev.cogent.session.RunService;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /sessions/{id}/messages} (the SSE stream of a new run, or a re-attach with {@code
 * Last-Event-ID}), {@code GET /sessions/{id}/messages} and {@code GET
 * /sessions/{id}/messages/{message_id}}.
 */
public final class MessageRoutes {

  /** Plain sequences, and the {@code N-xxxxxxxx} ids of the Python server, are accepted. */
  private static final Pattern LAST_EVENT_ID =
      Pattern.compile("\\s*(\\d{1,18})(-[0-9A-Za-z]+)?\\s*");

  private final AgentRuntime runtime;
  private final MessageService messages;
  private final RunService runs;
  private final EventLog events;
  private final SseWriter sse;
  private final Requests requests;

  public MessageRoutes(
      AgentRuntime runtime,
      MessageService messages,
      RunService runs,
      EventLog events,
      SseWriter sse,
      Requests requests) {
    this.runtime = runtime;
    this.messages = messages;
    this.runs = runs;
    this.events = events;
    this.sse = sse;
    this.requests = requests;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.post("/sessions/{session_id}/messages", this::send);
    routes.get("/sessions/{session_id}/messages", this::list);
    routes.get("/sessions/{session_id}/messages/{message_id}", this::get);
  }

  private void send(Context ctx) {
    String sessionId = ctx.pathParam("session_id");
    Scope scope = requests.scope(ctx);
    String lastEventId = ctx.header("Last-Event-ID");
    if (lastEventId != null && !lastEventId.isBlank()) {
      reattach(ctx, sessionId, scope, parseLastEventId(lastEventId));
      return;
    }
    MessageRequest request = requests.body(ctx, MessageRequest.class);
    if (request.content() == null || request.content().isEmpty()) {
      throw ApiException.invalid("content", "is required and must not be empty");
    }
    if (request.callbackUrl() != null) {
      checkCallbackUrl(request.callbackUrl(), ctx);
    }
    RunService.Started started = runtime.send(sessionId, scope, request);
    EventSubscription subscription = events.subscribe(sessionId, started.afterSequence());
    sse.respond(ctx, subscription, started.run().id());
  }

  /** Follows the session's latest run from after {@code after}; stores nothing. */
  private void reattach(Context ctx, String sessionId, Scope scope, long after) {
    Run run = runs.getLatest(sessionId, scope);
    boolean nothingLeft =
        run.status().isFinal() && (run.lastSequence() == null || run.lastSequence() <= after);
    if (nothingLeft) {
      // The run ended and the client has seen its end: an empty stream, closed at once.
      sse.respondEnded(ctx);
      return;
    }
    sse.respond(ctx, events.subscribe(sessionId, after), run.id());
  }

  private void list(Context ctx) {
    int limit =
        requests.intQuery(ctx, "limit", MessageService.DEFAULT_LIMIT, 1, MessageService.MAX_LIMIT);
    int offset = requests.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    ctx.json(messages.list(ctx.pathParam("session_id"), requests.scope(ctx), limit, offset));
  }

  private void get(Context ctx) {
    ctx.json(
        messages.get(
            ctx.pathParam("session_id"), ctx.pathParam("message_id"), requests.scope(ctx)));
  }

  private static long parseLastEventId(String header) {
    Matcher matcher = LAST_EVENT_ID.matcher(header);
    if (!matcher.matches()) {
      throw ApiException.invalid("Last-Event-ID", "must be the id of an event (its sequence)");
    }
    return Long.parseLong(matcher.group(1));
  }

  /**
   * A callback goes to an http(s) URL, never back to this server (which would let a client make the
   * server call itself).
   */
  private static void checkCallbackUrl(String url, Context ctx) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("callback_url", "must be an absolute http(s) URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw ApiException.invalid("callback_url", "must be an absolute http(s) URL");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (port == ctx.port() && isThisHost(uri.getHost(), ctx)) {
      throw ApiException.invalid("callback_url", "must not point at this server");
    }
  }

  private static boolean isThisHost(String host, Context ctx) {
    if (host.equalsIgnoreCase(ctx.host() == null ? "" : ctx.host().replaceFirst(":\\d+$", ""))) {
      return true;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
          return true;
        }
        if (java.net.NetworkInterface.getByInetAddress(address) != null) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException | java.net.SocketException e) {
      return false;
    }
  }
}
