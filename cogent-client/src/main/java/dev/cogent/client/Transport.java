package dev.cogent.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Sends requests and turns responses into records or {@link CogentException}s. Retries with
 * exponential backoff: idempotent methods after connection failures and 502/503/504, every method
 * after a 429 (the server did not process it), honouring {@code Retry-After}. Thread-safe.
 */
final class Transport {

  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 504);
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final HttpClient http;
  private final String baseUrl;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Sleeper sleeper;
  private final ObjectMapper json;

  /** The same server and settings with one credential header instead of any other. */
  Transport withCredential(String header, String value) {
    Map<String, String> merged = new java.util.LinkedHashMap<>(headers);
    merged.keySet().removeIf(name -> name.equals("X-API-Key") || name.equals("Authorization"));
    merged.put(header, value);
    return new Transport(http, baseUrl, merged, timeout, maxRetries, initialBackoff, sleeper);
  }

  Transport(
      HttpClient http,
      String baseUrl,
      Map<String, String> headers,
      Duration timeout,
      int maxRetries,
      Duration initialBackoff,
      Sleeper sleeper) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.headers = Map.copyOf(headers);
    this.timeout = timeout;
    this.maxRetries = maxRetries;
    this.initialBackoff = initialBackoff;
    this.sleeper = sleeper;
    this.json =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
  }

  ObjectMapper json() {
    return json;
  }

  <T> T call(String method, String path, Object body, Class<T> type) {
    String text = send(method, path, body);
    if (type == Void.class || text.isEmpty()) {
      return null;
    }
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new CogentException("unexpected response from " + method + " " + path, e);
    }
  }

  <T> T call(String method, String path, Object body, TypeReference<T> type) {
    String text = send(method, path, body);
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new CogentException("unexpected response from " + method + " " + path, e);
    }
  }

  /**
   * Opens a Server-Sent Events response. Retries like {@link #call} before a response arrives; the
   * caller reads and closes the body.
   */
  InputStream openStream(String method, String path, Object body, Map<String, String> extra) {
    HttpRequest.Builder builder = builder(method, path, body, "text/event-stream");
    extra.forEach(builder::header);
    HttpRequest request = builder.build();
    int attempt = 0;
    while (true) {
      HttpResponse<InputStream> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        throw new CogentException("cannot reach " + baseUrl + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CogentException("interrupted during " + method + " " + path, e);
      }
      int status = response.statusCode();
      if (status < 400) {
        return response.body();
      }
      String text;
      try (InputStream in = response.body()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        text = "";
      }
      if (status == 429 && attempt < maxRetries) {
        sleeper.sleep(retryAfter(response).orElse(backoff(attempt)));
        attempt++;
        continue;
      }
      throw error(response, text);
    }
  }

  /** Waits between polls. */
  void sleep(Duration duration) {
    sleeper.sleep(duration);
  }

  /** Waits before the {@code attempt}-th (0-based) retry, doubling from the initial backoff. */
  void pause(int attempt) {
    sleeper.sleep(backoff(attempt));
  }

  int maxRetries() {
    return maxRetries;
  }

  /** {@code text} as one URL path segment or query value. */
  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  JsonNode callTree(String method, String path, Object body) {
    try {
      String text = send(method, path, body);
      return text.isEmpty() ? json.nullNode() : json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CogentException("unexpected response from " + method + " " + path, e);
    }
  }

  private String send(String method, String path, Object body) {
    return exchange(
        method, request(method, path, body), HttpResponse.BodyHandlers.ofString(), text -> text);
  }

  /**
   * Sends a multipart form; {@code listener} hears the bytes handed to the connection as they go.
   * Only a 429 is retried: the form is not idempotent.
   */
  <T> T callMultipart(
      String method,
      String path,
      Multipart form,
      ProgressListener listener,
      TypeReference<T> type) {
    HttpRequest request =
        authorized(HttpRequest.newBuilder(URI.create(baseUrl + path)))
            .header("Accept", "application/json")
            .header("Content-Type", form.contentType())
            .method(method, form.publisher(listener))
            .build();
    String text = exchange(method, request, HttpResponse.BodyHandlers.ofString(), body -> body);
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new CogentException("unexpected response from " + method + " " + path, e);
    }
  }

  /** The raw bytes of a GET answer (file downloads). */
  byte[] callBytes(String path) {
    HttpRequest request = builder("GET", path, null, "*/*").build();
    return exchange(
        "GET",
        request,
        HttpResponse.BodyHandlers.ofByteArray(),
        bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  private <B> B exchange(
      String method,
      HttpRequest request,
      HttpResponse.BodyHandler<B> handler,
      java.util.function.Function<B, String> asText) {
    int attempt = 0;
    while (true) {
      HttpResponse<B> response;
      try {
        response = http.send(request, handler);
      } catch (IOException e) {
        if (IDEMPOTENT.contains(method) && attempt < maxRetries) {
          sleeper.sleep(backoff(attempt++));
          continue;
        }
        throw new CogentException("cannot reach " + baseUrl + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CogentException("interrupted during " + method + " " + request.uri(), e);
      }
      int status = response.statusCode();
      boolean retryable =
          status == 429 || (RETRYABLE_STATUS.contains(status) && IDEMPOTENT.contains(method));
      if (retryable && attempt < maxRetries) {
        sleeper.sleep(retryAfter(response).orElse(backoff(attempt)));
        attempt++;
        continue;
      }
      if (status >= 400) {
        throw error(response, asText.apply(response.body()));
      }
      return response.body();
    }
  }

  private HttpRequest request(String method, String path, Object body) {
    return builder(method, path, body, "application/json").build();
  }

  private HttpRequest.Builder builder(String method, String path, Object body, String accept) {
    HttpRequest.Builder builder =
        authorized(HttpRequest.newBuilder(URI.create(baseUrl + path))).header("Accept", accept);
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      try {
        builder
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot serialize the request body", e);
      }
    }
    return builder;
  }

  /** The request with the timeout and the client's headers (credential, scope). */
  private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
    builder.timeout(timeout);
    headers.forEach(builder::header);
    return builder;
  }

  private Duration backoff(int attempt) {
    return initialBackoff.multipliedBy(1L << Math.min(attempt, 10));
  }

  private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
              } catch (NumberFormatException e) {
                return java.util.Optional.empty();
              }
            });
  }

  private CogentException error(HttpResponse<?> response, String body) {
    String requestId = response.headers().firstValue("X-Request-Id").orElse(null);
    try {
      Map<String, Object> envelope = json.readValue(body, OBJECT);
      Object details = envelope.get("details");
      @SuppressWarnings("unchecked")
      Map<String, Object> detailMap =
          details instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
      return new CogentException(
          response.statusCode(),
          String.valueOf(envelope.getOrDefault("code", "HTTP_" + response.statusCode())),
          String.valueOf(envelope.getOrDefault("error", "HTTP " + response.statusCode())),
          detailMap,
          requestId);
    } catch (JsonProcessingException | RuntimeException e) {
      return new CogentException(
          response.statusCode(),
          "HTTP_" + response.statusCode(),
          "HTTP " + response.statusCode(),
          Map.of(),
          requestId);
    }
  }

  /** Waits between retries; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration);

    static Sleeper real() {
      return duration -> {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CogentException("interrupted while waiting to retry", e);
        }
      };
    }
  }
}
