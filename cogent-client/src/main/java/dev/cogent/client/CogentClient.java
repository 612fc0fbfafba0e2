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
 * <p>Every call throws {@link CogentException} when the server answers an error or cannot be
 * reached. Idempotent calls are retried after connection failures and 502-504, every call after a
 * 429, with exponential backoff honouring {@code Retry-After}. docs/sdk.md has an example program.
 */
public final class CogentClient {

  private final Transport transport;
  private final Sessions sessions;
  private final ServerConfig config;
  private final Agents agents;
  private final Skills skills;
  private final Tools tools;
  private final Providers providers;
  private final McpServers mcpServers;
  private final Artifacts artifacts;
  private final Identity identity;
  private final Datasets datasets;
  private final Memory memory;

  private CogentClient(Transport transport) {
    this.transport = transport;
    this.sessions = new Sessions(transport);
    this.config = new ServerConfig(transport);
    this.agents = new Agents(transport);
    this.skills = new Skills(transport);
    this.tools = new Tools(transport);
    this.providers = new Providers(transport);
    this.mcpServers = new McpServers(transport);
    this.artifacts = new Artifacts(transport);
    this.identity = new Identity(transport);
    this.datasets = new Datasets(transport);
    this.memory = new Memory(transport);
  }

  /**
   * The same client authenticated with an access token from {@link Identity#login} instead of any
   * API key or earlier token; it shares this client's connection pool.
   */
  public CogentClient withBearerToken(String accessToken) {
    return new CogentClient(transport.withCredential("Authorization", "Bearer " + accessToken));
  }

  /** The same client authenticated with {@code apiKey} instead of any earlier credential. */
  public CogentClient withApiKey(String apiKey) {
    return new CogentClient(transport.withCredential("X-API-Key", apiKey));
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

  public Agents agents() {
    return agents;
  }

  public Skills skills() {
    return skills;
  }

  public Tools tools() {
    return tools;
  }

  /** Provider configurations and the model catalog. */
  public Providers providers() {
    return providers;
  }

  public McpServers mcpServers() {
    return mcpServers;
  }

  public Artifacts artifacts() {
    return artifacts;
  }

  /** Users, logins, API keys and agent identities. */
  public Identity identity() {
    return identity;
  }

  /** Memory datasets and their documents and graphs. */
  public Datasets datasets() {
    return datasets;
  }

  /** The knowledge-graph memory: remember, recall, improve, forget, search. */
  public Memory memory() {
    return memory;
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
      headers.remove("Authorization");
      headers.put("X-API-Key", apiKey);
      return this;
    }

    /** Sends {@code Authorization: Bearer <token>}: an access token from a login. */
    public Builder bearerToken(String accessToken) {
      headers.remove("X-API-Key");
      headers.put("Authorization", "Bearer " + accessToken);
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
