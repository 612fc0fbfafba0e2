package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How client commands reach a server: {@code --url} (env {@code COGENT_URL}), {@code --api-key}
 * (env {@code COGENT_API_KEY}; prefer the variable: flags show up in process lists) and scope
 * headers. Shared by every client command as a picocli mixin.
 */
final class ClientOptions {

  static final String DEFAULT_URL = "http://127.0.0.1:8000";

  @Option(
      names = "--url",
      description = "Server URL (env COGENT_URL; default " + DEFAULT_URL + ").")
  String url;

  @Option(
      names = "--api-key",
      description = "API key, sent as X-API-Key (env COGENT_API_KEY).",
      arity = "1")
  String apiKey;

  @Option(
      names = "--scope",
      description = "Scope value KEY=VALUE, sent as X-Cognition-Scope-<Key>; repeatable.")
  Map<String, String> scope = new LinkedHashMap<>();

  @Option(names = "--json", description = "Print the server's JSON instead of a table.")
  boolean json;

  CogentClient client(Map<String, String> environment) {
    String base = firstSet(url, environment.get("COGENT_URL"), DEFAULT_URL);
    CogentClient.Builder builder = CogentClient.builder(base);
    String key = firstSet(apiKey, environment.get("COGENT_API_KEY"), null);
    if (key != null) {
      builder.apiKey(key);
    }
    scope.forEach(builder::scope);
    return builder.build();
  }

  private static String firstSet(String first, String second, String fallback) {
    if (first != null && !first.isBlank()) {
      return first;
    }
    if (second != null && !second.isBlank()) {
      return second;
    }
    return fallback;
  }
}
