package dev.cogent.bench;

import dev.cogent.CogentServer;
import dev.cogent.settings.Settings;
import dev.cogent.settings.SettingsLoader;
import dev.cogent.settings.SettingsSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Cogent server started inside the benchmark's process on a free loopback port, with a fresh
 * temporary folder as home, working dir and data dir (so no real configuration file is read) and
 * the rate limiter opened wide: the benchmark measures the server, not the limiter. Closing stops
 * the server and deletes the folder.
 */
final class EmbeddedServer implements AutoCloseable {

  /** High enough that one caller never runs out of tokens during a run. */
  static final String UNLIMITED = "1000000000";

  private final Path directory;
  private final CogentServer server;

  private EmbeddedServer(Path directory, CogentServer server) {
    this.directory = directory;
    this.server = server;
  }

  /**
   * @param environment extra {@code COGENT_*} variables, e.g. {@code COGENT_DATABASE_URL}; without
   *     one the server uses SQLite in the temporary data dir
   */
  static EmbeddedServer start(Map<String, String> environment, InstantSource clock) {
    Path directory;
    try {
      directory = Files.createTempDirectory("cogent-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder", e);
    }
    try {
      Map<String, String> variables = new HashMap<>(environment);
      variables.put("COGENT_RATE_LIMIT_PER_MINUTE", UNLIMITED);
      variables.put("COGENT_RATE_LIMIT_BURST", UNLIMITED);
      Map<String, String> flags =
          Map.of(
              "host", "127.0.0.1",
              "port", "0",
              "data-dir", directory.resolve("data").toString());
      Settings settings =
          new SettingsLoader().load(new SettingsSources(directory, directory, variables, flags));
      return new EmbeddedServer(directory, CogentServer.start(settings, clock));
    } catch (RuntimeException e) {
      try {
        delete(directory);
      } catch (UncheckedIOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  String url() {
    return server.url();
  }

  /** The server's data dir, for sizes on disk. */
  Path dataDir() {
    return directory.resolve("data");
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      delete(directory);
    }
  }

  private static void delete(Path directory) {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(directory)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    for (Path path : paths) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + path, e);
      }
    }
  }
}
