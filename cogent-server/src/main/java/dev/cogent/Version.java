package dev.cogent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of Cogent and of the libraries it reports in {@code /capabilities}. */
public final class Version {

  private Version() {}

  /** Cogent's own version, written into the jar by the build. */
  public static String cogent() {
    return read("/cogent-version.properties", "version");
  }

  /** The version in a library's Maven metadata, or {@code unknown} when the jar has none. */
  static String library(String groupId, String artifactId) {
    String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    if (Version.class.getResource(resource) == null) {
      return "unknown";
    }
    return read(resource, "version");
  }

  private static String read(String resource, String key) {
    try (InputStream in = Version.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty(key, "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
