package dev.cogent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.scope.ScopeResolver;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server under load says about itself in {@code GET /capabilities}: the database it stores
 * in, the JDK it runs on and the scope keys every request must carry.
 */
record ServerInfo(String database, String java, List<String> scopeKeys) {

  /** The value of every scope header the benchmark sends. */
  static final String BENCH_SCOPE = "bench";

  ServerInfo {
    if (database == null || java == null) {
      throw new IllegalArgumentException("database and java are required");
    }
    scopeKeys = List.copyOf(scopeKeys);
  }

  /**
   * Asks the server; this doubles as the check that it is up.
   *
   * @throws ServerUnreachableException when the server does not answer 200 with capabilities
   */
  static ServerInfo fetch(
      HttpClient client, ObjectMapper json, LoopbackUrl server, Duration timeout)
      throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(server.resolve("/capabilities"))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ServerUnreachableException("cannot reach " + server + ": " + e, e);
    }
    if (response.statusCode() != 200) {
      throw new ServerUnreachableException(
          "GET " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode capabilities;
    try {
      capabilities = json.readTree(response.body());
    } catch (IOException e) {
      throw new ServerUnreachableException("GET " + request.uri() + " did not answer JSON", e);
    }
    List<String> scopeKeys = new ArrayList<>();
    if (capabilities.path("deployment").path("scoping_enabled").asBoolean(false)) {
      capabilities.path("scope_keys").forEach(key -> scopeKeys.add(key.asText()));
    }
    return new ServerInfo(
        capabilities.path("deployment").path("database").asText("unknown"),
        capabilities.path("versions").path("java").asText("unknown"),
        scopeKeys);
  }

  /** The {@code X-Cognition-Scope-<Key>} headers that put every request in the bench scope. */
  Map<String, String> scopeHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    scopeKeys.forEach(key -> headers.put(ScopeResolver.HEADER_PREFIX + key, BENCH_SCOPE));
    return headers;
  }
}
