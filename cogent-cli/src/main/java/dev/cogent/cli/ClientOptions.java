package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How client commands reach a server, shared by every client command as a picocli mixin. Each
 * setting comes from the flag, else the environment, else the profile ({@code --profile}, env
 * {@code COGENT_PROFILE}, default {@code default}) in the CLI config file, else the default.
 */
final class ClientOptions {

  static final String DEFAULT_URL = "http://127.0.0.1:8000";

  @Option(
      names = "--url",
      description = "Server URL (env COGENT_URL; else the profile's; default " + DEFAULT_URL + ").")
  String url;

  @Option(
      names = "--api-key",
      description =
          "API key, sent as X-API-Key (env COGENT_API_KEY; else the profile's key or login"
              + " token). Prefer the variable: flags show up in process lists.",
      arity = "1")
  String apiKey;

  @Option(
      names = "--profile",
      description = "Profile of the CLI config file (env COGENT_PROFILE; default: default).")
  String profile;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The CLI config file (env COGENT_CONFIG; default ~/.config/cogent/config.yaml).")
  String config;

  @Option(
      names = "--scope",
      description = "Scope value KEY=VALUE, sent as X-Cognition-Scope-<Key>; repeatable.")
  Map<String, String> scope = new LinkedHashMap<>();

  @Option(names = "--json", description = "Print JSON instead of tables and text.")
  boolean json;

  String profileName(Map<String, String> environment) {
    return firstSet(profile, environment.get("COGENT_PROFILE"), Profiles.DEFAULT);
  }

  Profiles profiles(Map<String, String> environment) {
    return Profiles.locate(config, environment);
  }

  CogentClient client(Map<String, String> environment) {
    Map<String, String> saved = profiles(environment).get(profileName(environment));
    String base = firstSet(url, environment.get("COGENT_URL"), saved.get("url"));
    CogentClient.Builder builder = CogentClient.builder(base == null ? DEFAULT_URL : base);
    String key = firstSet(apiKey, environment.get("COGENT_API_KEY"), saved.get("api_key"));
    if (key != null) {
      builder.apiKey(key);
    } else if (saved.get("token") != null) {
      builder.bearerToken(saved.get("token"));
    }
    scope.forEach(builder::scope);
    return builder.build();
  }

  static String firstSet(String first, String second, String fallback) {
    if (first != null && !first.isBlank()) {
      return first;
    }
    if (second != null && !second.isBlank()) {
      return second;
    }
    return fallback;
  }
}
