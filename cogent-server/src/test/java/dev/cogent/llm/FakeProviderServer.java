package dev.cogent.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A local HTTP server that answers each request with the next scripted reply, the way a model
 * provider does (a JSON error, or a {@code text/event-stream} body), and records every request it
 * got. Binds port 0 at once, so there is no port race.
 */
public final class FakeProviderServer implements AutoCloseable {

  /** One scripted answer, with extra response headers. */
  public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public Reply(int status, String contentType, String body) {
      this(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Reply stream(String events) {
      return new Reply(200, "text/event-stream", events);
    }

    public static Reply json(int status, String body) {
      return new Reply(status, "application/json", body);
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> more = new TreeMap<>(headers);
      more.put(name, value);
      return new Reply(status, contentType, body, more);
    }
  }

  /** One request as received; header names are lower case. */
  public record Received(String method, String path, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();

  public FakeProviderServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:4711/v1}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public synchronized FakeProviderServer enqueue(Reply reply) {
    replies.add(reply);
    return this;
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    Reply reply;
    synchronized (this) {
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              headers,
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      reply =
          replies.isEmpty()
              ? Reply.json(500, "{\"error\": {\"message\": \"no scripted reply left\"}}")
              : replies.poll();
    }
    byte[] body = reply.body();
    exchange.getResponseHeaders().add("Content-Type", reply.contentType());
    reply.headers().forEach(exchange.getResponseHeaders()::add);
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
