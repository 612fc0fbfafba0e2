package dev.cogent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Java client of a Cogent server. Thread-safe; create one per server and share it.
 *
 * <pre>{@code
 * CogentClient cogent = CogentClient.builder("http://127.0.0.1:8000").apiKey(key).build();
 * Session session = cogent.sessions().create(SessionRequest.builder().title("Review").build());
 * }</pre>
 */
public final class CogentClient {

  private final Transport transport;
  private final Sessions sessions;
  private final ServerConfig config;

  private CogentClient(Transport transport) {
    this.transport = transport;
    this.sessions = new Sessions(transport);
    this.config = new ServerConfig(transport);
  }

  /** Starts a client for the server at {@code baseUrl}, e.g. {@code http://127.0.0.1:8000}. */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  public Sessions sessions() {
    return sessions;
  }

  public ServerConfig config() {
    return config;
  }

  public Health health() {
    return transport.call("GET", "/health", null, Health.class);
  }

  /** What the server has wired ({@code GET /capabilities}), as a JSON tree. */
  public JsonNode capabilities() {
    return transport.callTree("GET", "/capabilities", null);
  }

  /** Settings of a {@link CogentClient}; only the base URL is required. */
  public static final class Builder {
    private final URI baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(60);
    private int maxRetries = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private HttpClient httpClient;
    private Transport.Sleeper sleeper = Transport.Sleeper.real();

    private Builder(String baseUrl) {
      if (baseUrl == null || !baseUrl.matches("(?i)https?://.+")) {
        throw new IllegalArgumentException("baseUrl must be an http(s) URL, got " + baseUrl);
      }
      this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    /** Sends the key as {@code X-API-Key}. */
    public Builder apiKey(String apiKey) {
      headers.put("X-API-Key", apiKey);
      return this;
    }

    /** Sends {@code X-Cognition-Scope-<Key>: value}, for deployments with scoping enabled. */
    public Builder scope(String key, String value) {
      String name = key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
      headers.put("X-Cognition-Scope-" + name, value);
      return this;
    }

    /** How long one request may take (default 60 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Retries after 429, and after connection failures or 502-504 of idempotent calls (default 3).
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative");
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** The first backoff; each retry doubles it unless the server sends {@code Retry-After}. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
      return this;
    }

    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    Builder sleeper(Transport.Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public CogentClient build() {
      HttpClient http =
          httpClient != null
              ? httpClient
              : HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(Duration.ofSeconds(10))
                  .build();
      String base = baseUrl.toString();
      return new CogentClient(
          new Transport(
              http,
              base.substring(0, base.length() - 1),
              headers,
              timeout,
              maxRetries,
              initialBackoff,
              sleeper));
    }
  }
}
