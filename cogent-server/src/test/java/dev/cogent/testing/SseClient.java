package dev.cogent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.http.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Server-Sent Events client for tests: sends a request with the JDK HttpClient, reads the
 * body line by line on a background thread and hands out parsed frames. Closing it closes the
 * connection, as a client that goes away does. The response's status and content type are checked
 * against the OpenAPI document.
 */
public final class SseClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OpenApiContract CONTRACT = OpenApiContract.load();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** One frame: {@code id}, {@code event} and the parsed {@code data}. */
  public record Frame(long id, String event, JsonNode data) {}

  private static final Object END = new Object();

  private final HttpResponse<Stream<String>> response;
  private final LinkedBlockingQueue<Object> items = new LinkedBlockingQueue<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final List<String> retries = new CopyOnWriteArrayList<>();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final String errorBody;

  private SseClient(HttpResponse<Stream<String>> response, String errorBody) {
    this.response = response;
    this.errorBody = errorBody;
  }

  /** POSTs {@code body} (JSON) to {@code path} and returns once the response headers arrived. */
  public static SseClient post(TestServer server, String path, String body, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return open(builder.build());
  }

  private static SseClient open(HttpRequest request) {
    HttpResponse<Stream<String>> response;
    try {
      response =
          CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("no response to " + request.uri(), e);
    }
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    URI uri = request.uri();
    if (response.statusCode() != 200) {
      String body;
      try (Stream<String> lines = response.body()) {
        body = lines.collect(Collectors.joining("\n"));
      }
      CONTRACT.assertValid(
          request.method(), uri.getRawPath(), response.statusCode(), contentType, body);
      return new SseClient(response, body);
    }
    // The stream's body is not validated by the contract, only that one is described and came.
    CONTRACT.assertValid(request.method(), uri.getRawPath(), 200, contentType, "(stream)");
    SseClient client = new SseClient(response, null);
    Thread reader = new Thread(client::read, "sse-client-reader");
    reader.setDaemon(true);
    reader.start();
    return client;
  }

  public int status() {
    return response.statusCode();
  }

  public String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** The JSON error body of a non-200 response. */
  public JsonNode error() {
    if (errorBody == null) {
      throw new IllegalStateException("the response was a stream, status " + status());
    }
    try {
      return JSON.readTree(errorBody);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + errorBody, e);
    }
  }

  /**
   * The next frame, waiting up to {@code timeout}.
   *
   * @throws AssertionError when the stream ended or nothing came in time
   */
  public Frame next(Duration timeout) {
    Object item;
    try {
      item = items.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (item == null) {
      throw new AssertionError("no SSE frame within " + timeout);
    }
    if (item == END) {
      items.add(END);
      throw new AssertionError("the SSE stream ended");
    }
    return (Frame) item;
  }

  /** Every remaining frame until the server ends the stream (within {@code timeout}). */
  public List<Frame> readToEnd(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Frame> frames = new ArrayList<>();
    while (true) {
      Object item;
      try {
        item = items.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (item == null) {
        throw new AssertionError(
            "the SSE stream did not end within " + timeout + "; got " + frames);
      }
      if (item == END) {
        items.add(END);
        return frames;
      }
      frames.add((Frame) item);
    }
  }

  /** Reads frames until one of {@code event} type arrives, and returns all of them. */
  public List<Frame> readUntil(String event, Duration timeout) {
    List<Frame> frames = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Frame frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      frames.add(frame);
      if (frame.event().equals(event)) {
        return frames;
      }
    }
  }

  /** The comment lines ({@code : keep-alive}) received so far, without the colon. */
  public List<String> comments() {
    return List.copyOf(comments);
  }

  /** Every line received so far, in order, as sent: for checking where comments fall. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** The {@code retry:} values received so far. */
  public List<String> retries() {
    return List.copyOf(retries);
  }

  private void read() {
    long id = -1;
    String event = null;
    StringBuilder data = new StringBuilder();
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        this.lines.add(line);
        if (line.isEmpty()) {
          if (event != null) {
            items.add(new Frame(id, event, JSON.readTree(data.toString())));
          }
          id = -1;
          event = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).strip());
        } else if (line.startsWith("retry:")) {
          retries.add(line.substring(6).strip());
        } else if (line.startsWith("id:")) {
          id = Long.parseLong(line.substring(3).strip());
        } else if (line.startsWith("event:")) {
          event = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // The stream was closed by this client or broke; either way it has ended.
    } finally {
      items.add(END);
    }
  }

  /** Closes the connection, like a client that goes away. */
  @Override
  public void close() {
    try {
      response.body().close();
    } catch (RuntimeException e) {
      // already closed
    }
  }
}
