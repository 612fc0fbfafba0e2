package dev.cogent.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One worker of the sessions benchmark: each iteration creates a session ({@code POST /sessions}
 * with a title and metadata) and reads it back ({@code GET /sessions/{id}}). A failed create skips
 * the read. Not thread-safe: one worker, one thread.
 */
final class SessionsWorker implements LoadRunner.Iteration {

  static final String CREATE = "POST /sessions";
  static final String GET = "GET /sessions/{id}";
  static final List<String> OPERATIONS = List.of(CREATE, GET);

  private final HttpClient client;
  private final ObjectMapper json;
  private final LoopbackUrl server;
  private final Map<String, String> headers;
  private final Duration requestTimeout;
  private final int worker;
  private long sequence;

  /**
   * @param headers sent with every request, e.g. the scope headers the server requires
   * @param worker this worker's number, written into each session's metadata
   */
  SessionsWorker(
      HttpClient client,
      ObjectMapper json,
      LoopbackUrl server,
      Map<String, String> headers,
      Duration requestTimeout,
      int worker) {
    this.client = client;
    this.json = json;
    this.server = server;
    this.headers = Map.copyOf(headers);
    this.requestTimeout = requestTimeout;
    this.worker = worker;
  }

  @Override
  public void run(Tally tally, Window window) throws InterruptedException {
    sequence++;
    long createStart = System.nanoTime();
    HttpResponse<String> created;
    try {
      created = client.send(createRequest(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      tally.failure(CREATE, createStart, e.getClass().getSimpleName(), String.valueOf(e));
      return;
    }
    long createEnd = System.nanoTime();
    if (!isSuccess(created.statusCode())) {
      tally.failure(CREATE, createStart, "HTTP " + created.statusCode(), created.body());
      return;
    }
    String id;
    try {
      id = json.readTree(created.body()).path("id").asText("");
    } catch (JsonProcessingException e) {
      id = "";
    }
    if (id.isEmpty()) {
      tally.failure(CREATE, createStart, "no session id in the response", created.body());
      return;
    }
    tally.success(CREATE, createStart, createEnd);
    if (window.isOver(createEnd)) {
      return;
    }

    long getStart = System.nanoTime();
    HttpResponse<String> read;
    try {
      read = client.send(getRequest(id), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      tally.failure(GET, getStart, e.getClass().getSimpleName(), String.valueOf(e));
      return;
    }
    long getEnd = System.nanoTime();
    if (isSuccess(read.statusCode())) {
      tally.success(GET, getStart, getEnd);
    } else {
      tally.failure(GET, getStart, "HTTP " + read.statusCode(), read.body());
    }
  }

  private HttpRequest createRequest() {
    String body =
        "{\"title\":\"bench session "
            + worker
            + "-"
            + sequence
            + "\",\"metadata\":{\"benchmark\":\"sessions\",\"worker\":"
            + worker
            + ",\"sequence\":"
            + sequence
            + "}}";
    return request(server.resolve("/sessions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpRequest getRequest(String id) {
    return request(server.resolve("/sessions/" + id)).GET().build();
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json");
    headers.forEach(builder::header);
    return builder;
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }
}
