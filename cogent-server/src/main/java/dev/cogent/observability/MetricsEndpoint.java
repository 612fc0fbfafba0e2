package dev.cogent.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link Metrics} for Prometheus at {@code GET /metrics} on a port of its own (as in the
 * anchor, so scrapes bypass the API's authentication and rate limits and the port can be firewalled
 * separately). {@link #listenOn} starts, moves or stops the listener, which is how {@code PATCH
 * /config} of {@code observability.metrics_port} takes effect at runtime.
 *
 * <p>Uses the JDK's own HTTP server: one scrape at a time is all Prometheus needs. Thread-safe.
 */
public final class MetricsEndpoint implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

  /** Prometheus' text format, version 0.0.4. */
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Metrics metrics;
  private final String host;
  private final ReentrantLock lock = new ReentrantLock();
  private HttpServer server;
  private Integer port;

  /**
   * @param host the interface to listen on (the API's host)
   */
  public MetricsEndpoint(Metrics metrics, String host) {
    this.metrics = metrics;
    this.host = host;
  }

  /**
   * Listens on {@code port} (0 picks a free one), or stops listening when it is null. A port that
   * is already the current one changes nothing.
   *
   * @throws UncheckedIOException when the port cannot be bound; the previous listener is gone then
   */
  public void listenOn(Integer port) {
    lock.lock();
    try {
      if (Objects.equals(port, this.port) && (port == null || port != 0)) {
        return;
      }
      stop();
      if (port != null) {
        start(port);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The port scrapes go to, or -1 when metrics are off. */
  public int port() {
    lock.lock();
    try {
      return server == null ? -1 : server.getAddress().getPort();
    } finally {
      lock.unlock();
    }
  }

  private void start(int requested) {
    try {
      HttpServer created = HttpServer.create(new InetSocketAddress(host, requested), 0);
      created.createContext("/metrics", this::scrape);
      created.start();
      server = created;
      port = requested;
      log.info("Metrics on http://{}:{}/metrics", host, created.getAddress().getPort());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on port " + requested, e);
    }
  }

  private void stop() {
    if (server != null) {
      server.stop(0);
      log.info("Metrics listener stopped");
      server = null;
      port = null;
    }
  }

  private void scrape(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    listenOn(null);
  }
}
