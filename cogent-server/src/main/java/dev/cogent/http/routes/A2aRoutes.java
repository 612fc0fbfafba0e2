package dev.cogent.http.routes;

import dev.cogent.Json;
import dev.cogent.http.Requests;
import dev.cogent.protocols.A2aReply;
import dev.cogent.protocols.A2aService;
import dev.cogent.protocols.AgentCards;
import dev.cogent.protocols.JsonRpcResponse;
import dev.cogent.protocols.TaskUpdates;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The A2A surface (spec 001, "A2A Protocol"): {@code GET /.well-known/agent-card.json}, {@code GET
 * /a2a/{agent_name}/.well-known/agent-card.json} and {@code POST /a2a/{agent_name}} (JSON-RPC; a
 * streaming method answers {@code text/event-stream} whose frames carry one JSON-RPC response
 * each). Mounted only when {@code a2a.enabled}.
 */
public final class A2aRoutes {

  private static final Logger log = LoggerFactory.getLogger(A2aRoutes.class);

  private final AgentCards cards;
  private final A2aService a2a;
  private final Json json;
  private final Requests requests;
  private final Duration heartbeat;

  /**
   * @param heartbeat the silence after which a stream gets a keep-alive comment
   */
  public A2aRoutes(
      AgentCards cards, A2aService a2a, Json json, Requests requests, Duration heartbeat) {
    this.cards = cards;
    this.a2a = a2a;
    this.json = json;
    this.requests = requests;
    this.heartbeat = heartbeat;
  }

  public void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/.well-known/agent-card.json", this::list);
    routes.get("/a2a/{agent_name}/.well-known/agent-card.json", this::card);
    routes.post("/a2a/{agent_name}", this::post);
  }

  private void list(Context ctx) {
    ctx.json(cards.list(requests.scope(ctx), baseUrl(ctx)));
  }

  private void card(Context ctx) {
    ctx.json(cards.get(ctx.pathParam("agent_name"), requests.scope(ctx), baseUrl(ctx)));
  }

  private void post(Context ctx) {
    A2aReply reply =
        a2a.handle(ctx.pathParam("agent_name"), requests.scope(ctx), ctx.bodyAsBytes());
    if (reply instanceof A2aReply.Answer answer) {
      ctx.json(answer.response());
    } else if (reply instanceof A2aReply.Stream stream) {
      try (TaskUpdates updates = stream.updates()) {
        write(ctx, updates);
      } catch (IOException e) {
        log.debug("A2A stream client went away", e);
      }
    }
  }

  private void write(Context ctx, TaskUpdates updates) throws IOException {
    var response = ctx.res();
    response.setStatus(200);
    response.setContentType("text/event-stream;charset=utf-8");
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Accel-Buffering", "no");
    OutputStream out = response.getOutputStream();
    try {
      while (!updates.isFinished()) {
        Optional<JsonRpcResponse> next = updates.next(heartbeat);
        // JSON never contains a raw newline, so each response fits on one `data:` line.
        send(
            out,
            next.isPresent() ? "data: " + json.write(next.get()) + "\n\n" : ": keep-alive\n\n");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The server's base URL as the caller reached it (scheme, host and port). */
  private static String baseUrl(Context ctx) {
    String url = ctx.fullUrl();
    String path = ctx.path();
    int at = url.indexOf(path, url.indexOf("://") + 3);
    return at < 0 ? url : url.substring(0, at);
  }
}
