package dev.cogent.llm;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Where and as whom a {@code google_vertexai} config calls Vertex AI: an OAuth access token from
 * Application Default Credentials (the JSON file named by {@code GOOGLE_APPLICATION_CREDENTIALS},
 * else gcloud's user credentials or the metadata server), refreshed by the auth library before it
 * expires, and the endpoint of the config's project and location.
 *
 * <p>Project: the config's {@code extra.project}, else {@code GOOGLE_CLOUD_PROJECT}, else the
 * credentials' own project. Location: {@code extra.location}, else {@code GOOGLE_CLOUD_LOCATION},
 * else {@code us-central1}. {@code GOOGLE_VERTEX_BASE_URL} replaces {@code
 * https://{location}-aiplatform.googleapis.com} (a proxy or the tests' fake server).
 *
 * <p>Credentials are loaded once and shared by every call, so a token is reused until it expires.
 * Thread-safe.
 */
final class VertexAuth {

  static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
  static final String DEFAULT_LOCATION = "us-central1";
  // Project and location become URL path segments.
  private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final Map<String, String> environment;
  private final Map<String, GoogleCredentials> credentials = new ConcurrentHashMap<>();

  VertexAuth(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * @throws IllegalStateException naming what to configure when no credentials are found
   */
  GoogleCredentials credentials() {
    String file = environment.getOrDefault("GOOGLE_APPLICATION_CREDENTIALS", "");
    return credentials.computeIfAbsent(file, VertexAuth::load);
  }

  private static GoogleCredentials load(String file) {
    try {
      GoogleCredentials loaded;
      if (file.isBlank()) {
        loaded = GoogleCredentials.getApplicationDefault();
      } else {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
          loaded = GoogleCredentials.fromStream(in);
        }
      }
      return loaded.createScoped(List.of(SCOPE));
    } catch (IOException e) {
      throw new IllegalStateException(
          "No Google credentials for Vertex AI ("
              + e.getMessage()
              + "): set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file or run"
              + " `gcloud auth application-default login`",
          e);
    }
  }

  /** The request headers with a fresh token ({@code Authorization: Bearer …}). */
  Map<String, String> headers(GoogleCredentials credentials, String url) {
    try {
      Map<String, String> headers = new LinkedHashMap<>();
      credentials
          .getRequestMetadata(URI.create(url))
          .forEach((name, values) -> headers.put(name, String.join(",", values)));
      return headers;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not get a Google access token: " + e.getMessage(), e);
    }
  }

  /**
   * The Gemini-API-shaped base URL of Vertex's Google publisher models for {@code spec}: {@code
   * …/v1/projects/{project}/locations/{location}/publishers/google}, to which the Gemini client
   * appends {@code /models/{model}:streamGenerateContent}.
   *
   * @throws IllegalStateException when no project is configured anywhere
   */
  String baseUrl(ProviderSpec spec, GoogleCredentials credentials) {
    String location = setting(spec, "location", "GOOGLE_CLOUD_LOCATION");
    if (location == null) {
      location = DEFAULT_LOCATION;
    }
    String project = setting(spec, "project", "GOOGLE_CLOUD_PROJECT");
    if (project == null) {
      project = credentials.getProjectId();
    }
    if (project == null || project.isBlank()) {
      throw new IllegalStateException(
          "No Google Cloud project for Vertex AI: set the config's extra.project or"
              + " GOOGLE_CLOUD_PROJECT");
    }
    if (!PATH_SEGMENT.matcher(project).matches() || !PATH_SEGMENT.matcher(location).matches()) {
      throw new IllegalStateException(
          "The Vertex AI project and location may only contain letters, digits, '.', '_' and '-'");
    }
    String host =
        environment.getOrDefault(
            "GOOGLE_VERTEX_BASE_URL",
            location.equals("global")
                ? "https://aiplatform.googleapis.com"
                : "https://" + location + "-aiplatform.googleapis.com");
    return strip(host)
        + "/v1/projects/"
        + project
        + "/locations/"
        + location
        + "/publishers/google";
  }

  private String setting(ProviderSpec spec, String field, String variable) {
    Object value = spec.extra().get(field);
    if (value instanceof String text && !text.isBlank()) {
      return text;
    }
    String fromEnvironment = environment.get(variable);
    return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
