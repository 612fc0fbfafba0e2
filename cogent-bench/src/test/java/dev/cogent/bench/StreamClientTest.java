package dev.cogent.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream client against a real HTTP server on loopback (the JDK's). */
class StreamClientTest {

  HttpServer server;
  StreamClient client;
  final List<String> lines = new CopyOnWriteArrayList<>();
  final CountDownLatch firstLineSeen = new CountDownLatch(1);
  final CountDownLatch never = new CountDownLatch(1);
  volatile String requestLine;
  volatile Map<String, List<String>> requestHeaders;
  volatile String requestBody;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/stream", this::stream);
    server.createContext("/busy", this::busy);
    server.createContext("/hang", this::hang);
    server.createContext("/long", this::longStream);
    server.start();
    client = new StreamClient("test-streams", Duration.ofMillis(300));
  }

  @AfterEach
  void stop() throws InterruptedException {
    never.countDown();
    client.close();
    server.stop(0);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  void remember(HttpExchange exchange) throws IOException {
    requestLine = exchange.getRequestMethod() + " " + exchange.getRequestURI();
    requestHeaders = Map.copyOf(exchange.getRequestHeaders());
    requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** An SSE stream: the first event, then the rest once the client has read the first line. */
  void stream(HttpExchange exchange) throws IOException {
    remember(exchange);
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write("event: token\ndata: {\"content\":\"a\"}\n\n".getBytes(StandardCharsets.UTF_8));
      body.flush();
      if (!firstLineSeen.await(10, TimeUnit.SECONDS)) {
        throw new IOException("the client did not read the first event before the end");
      }
      body.write("event: done\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void busy(HttpExchange exchange) throws IOException {
    remember(exchange);
    byte[] body = "{\"error\":{\"code\":\"SESSION_BUSY\"}}".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(409, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Twelve lines 50 ms apart: longer than the client's timeout, never silent as long. */
  void longStream(HttpExchange exchange) throws IOException {
    remember(exchange);
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream body = exchange.getResponseBody()) {
      for (int i = 0; i < 12; i++) {
        body.write((": " + i + "\n").getBytes(StandardCharsets.UTF_8));
        body.flush();
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void hang(HttpExchange exchange) throws IOException {
    remember(exchange);
    exchange.sendResponseHeaders(200, 0);
    try {
      never.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.close();
  }

  @Test
  void hands_each_line_over_as_it_arrives_and_completes_with_the_status_at_the_end()
      throws Exception {
    CompletableFuture<Integer> status =
        client.post(
            uri("/stream"),
            Map.of("X-Scope", "t1"),
            "{\"content\": \"/reply hi\"}",
            line -> {
              lines.add(line);
              firstLineSeen.countDown();
            });

    assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(lines)
        .containsExactly(
            "event: token", "data: {\"content\":\"a\"}", "", "event: done", "data: {}", "");
    assertThat(requestLine).isEqualTo("POST /stream");
    assertThat(requestBody).isEqualTo("{\"content\": \"/reply hi\"}");
    assertThat(requestHeaders.get("X-scope")).containsExactly("t1");
    assertThat(requestHeaders.get("Accept")).containsExactly("text/event-stream");
    assertThat(requestHeaders.get("Content-type")).containsExactly("application/json");
  }

  @Test
  void a_refusal_completes_with_its_status_and_body_lines() throws Exception {
    CompletableFuture<Integer> status = client.post(uri("/busy"), Map.of(), "{}", lines::add);

    assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(409);
    assertThat(lines).containsExactly("{\"error\":{\"code\":\"SESSION_BUSY\"}}");
  }

  @Test
  void many_streams_at_once_each_get_their_own_lines() throws Exception {
    firstLineSeen.countDown();
    List<List<String>> perStream = new CopyOnWriteArrayList<>();
    List<CompletableFuture<Integer>> statuses = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 20; i++) {
      List<String> own = new CopyOnWriteArrayList<>();
      perStream.add(own);
      statuses.add(client.post(uri("/stream"), Map.of(), "{}", own::add));
    }

    for (CompletableFuture<Integer> status : statuses) {
      assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    }
    assertThat(perStream).allSatisfy(own -> assertThat(own).hasSize(6).endsWith("data: {}", ""));
  }

  @Test
  void a_response_silent_longer_than_the_timeout_fails_with_a_timeout() {
    CompletableFuture<Integer> status = client.post(uri("/hang"), Map.of(), "{}", lines::add);

    assertThatThrownBy(() -> status.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TimeoutException.class);
  }

  @Test
  void a_response_longer_than_the_timeout_lives_while_bytes_come() throws Exception {
    CompletableFuture<Integer> status = client.post(uri("/long"), Map.of(), "{}", lines::add);

    assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(lines).hasSize(12);
  }

  @Test
  void a_server_that_is_not_there_fails_the_request() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    CompletableFuture<Integer> status =
        client.post(
            URI.create("http://127.0.0.1:" + closedPort + "/stream"), Map.of(), "{}", lines::add);

    assertThatThrownBy(() -> status.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void https_is_refused_rather_than_sent_in_plain_text() {
    assertThat(client.post(URI.create("https://127.0.0.1:1/x"), Map.of(), "{}", lines::add))
        .isCompletedExceptionally();
  }

  @Test
  void closing_the_client_fails_what_is_still_open() throws Exception {
    CompletableFuture<Integer> status = client.post(uri("/hang"), Map.of(), "{}", lines::add);
    client.close();

    assertThatThrownBy(() -> status.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
  }
}
