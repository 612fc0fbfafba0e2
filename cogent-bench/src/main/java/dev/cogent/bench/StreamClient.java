package dev.cogent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The load generator's HTTP client for SSE streams: one thread and one selector read every stream,
 * and hand each line to its consumer on that thread as soon as it is read.
 *
 * <p>The JDK's {@code HttpClient} hands every chunk it reads from its selector thread to an
 * executor thread: a thread wake-up per token of every stream, which cost the load generator about
 * 0.4 of a core at 200 paced streams against this client's 0.2, taken from the server it shares the
 * cores with. This client does only what the streams need: plain HTTP/1.1 on loopback, one request
 * per connection ({@code Connection: close}), and a body read until its response ends; a request
 * fails once {@code timeout} passes without a byte of its response, so a stream of any length lives
 * while its events come.
 */
final class StreamClient implements AutoCloseable {

  private static final int READ_BUFFER_BYTES = 64 * 1024;

  private final Selector selector;
  private final Thread thread;
  private final Duration timeout;
  private final Queue<Exchange> starting = new ConcurrentLinkedQueue<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);

  StreamClient(String name, Duration timeout) {
    this.timeout = timeout;
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * POSTs {@code body} to {@code uri}, handing the lines of the response's body to {@code lines} on
   * this client's thread (they must not block).
   *
   * @return the response's status code, once its body has ended
   */
  CompletableFuture<Integer> post(
      URI uri, Map<String, String> headers, String body, Consumer<String> lines) {
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      return CompletableFuture.failedFuture(
          new IOException("the stream client speaks plain http only: " + uri));
    }
    Exchange exchange =
        new Exchange(uri, request(uri, headers, body), new ResponseReader(lines), deadline());
    starting.add(exchange);
    selector.wakeup();
    if (!selector.isOpen() && starting.remove(exchange)) {
      // closed meanwhile: the client's thread may have failed what was waiting before this came
      exchange.fail(new IOException("the stream client was closed"));
    }
    return exchange.result;
  }

  private long deadline() {
    return System.nanoTime() + timeout.toNanos();
  }

  private static ByteBuffer request(URI uri, Map<String, String> headers, String body) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder();
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    head.append("POST ").append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
    head.append("Content-Type: application/json\r\n");
    head.append("Accept: text/event-stream\r\n");
    head.append("Connection: close\r\n");
    head.append("Content-Length: ").append(content.length).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    return ByteBuffer.allocate(start.length + content.length).put(start).put(content).flip();
  }

  private void loop() {
    List<Exchange> open = new ArrayList<>();
    try {
      while (selector.isOpen()) {
        selector.select(1000);
        for (Exchange exchange; (exchange = starting.poll()) != null; ) {
          start(exchange);
          open.add(exchange);
        }
        for (SelectionKey key : selector.selectedKeys()) {
          Exchange exchange = (Exchange) key.attachment();
          try {
            step(exchange, key);
          } catch (IOException | RuntimeException e) {
            exchange.fail(e);
          }
        }
        selector.selectedKeys().clear();
        long now = System.nanoTime();
        open.removeIf(
            exchange -> {
              if (!exchange.result.isDone() && now - exchange.deadline > 0) {
                exchange.fail(new TimeoutException("nothing received for " + timeout));
              }
              return exchange.result.isDone();
            });
      }
    } catch (IOException | ClosedSelectorException e) {
      // closed: fail below whatever is still waiting
    }
    Exception closed = new IOException("the stream client was closed");
    open.forEach(exchange -> exchange.fail(closed));
    for (Exchange exchange; (exchange = starting.poll()) != null; ) {
      exchange.fail(closed);
    }
  }

  private void start(Exchange exchange) {
    try {
      SocketChannel channel = SocketChannel.open();
      exchange.channel = channel;
      channel.configureBlocking(false);
      boolean connected =
          channel.connect(new InetSocketAddress(exchange.uri.getHost(), exchange.uri.getPort()));
      int interest = connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT;
      channel.register(selector, interest, exchange);
    } catch (ClosedSelectorException e) {
      exchange.fail(new IOException("the stream client was closed"));
    } catch (IOException | RuntimeException e) {
      exchange.fail(e);
    }
  }

  private void step(Exchange exchange, SelectionKey key) throws IOException {
    if (!key.isValid()) {
      return;
    }
    SocketChannel channel = exchange.channel;
    if (key.isConnectable() && channel.finishConnect()) {
      key.interestOps(SelectionKey.OP_WRITE);
    }
    if (key.isValid() && key.isWritable()) {
      channel.write(exchange.request);
      if (!exchange.request.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ);
      }
    }
    if (key.isValid() && key.isReadable()) {
      read(exchange);
    }
  }

  private void read(Exchange exchange) throws IOException {
    while (true) {
      readBuffer.clear();
      int read = exchange.channel.read(readBuffer);
      if (read == 0) {
        return;
      }
      if (read < 0) {
        exchange.reader.closed();
        exchange.succeed();
        return;
      }
      exchange.deadline = deadline();
      readBuffer.flip();
      exchange.reader.read(readBuffer);
      if (exchange.reader.done()) {
        exchange.succeed();
        return;
      }
    }
  }

  /** Stops the client's thread; requests still open fail. */
  @Override
  public void close() throws InterruptedException {
    try {
      selector.close();
    } catch (IOException e) {
      // nothing was left to release
    }
    thread.join();
  }

  /** One request and its response, on a connection of its own. */
  private static final class Exchange {
    final URI uri;
    final ByteBuffer request;
    final ResponseReader reader;
    final CompletableFuture<Integer> result = new CompletableFuture<>();
    SocketChannel channel;
    long deadline;

    Exchange(URI uri, ByteBuffer request, ResponseReader reader, long deadline) {
      this.uri = uri;
      this.request = request;
      this.reader = reader;
      this.deadline = deadline;
    }

    void succeed() {
      closeChannel();
      result.complete(reader.status());
    }

    void fail(Throwable cause) {
      closeChannel();
      result.completeExceptionally(cause);
    }

    private void closeChannel() {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          // the exchange is over either way
        }
      }
    }
  }
}
