package dev.cogent.memory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The raw bytes of data items: {@code <data-dir>/memory/raw/<dataset id>/<data id>.<extension>}.
 * Locations stored in rows are relative to the data dir and are re-checked to stay inside the raw
 * root before any read. Thread-safe (files are written once, under fresh names).
 */
public final class RawFiles {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Pattern SAFE_EXTENSION = Pattern.compile("[a-z0-9]{0,16}");

  private final Path dataDir;
  private final Path root;

  public RawFiles(Path dataDir) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.root = this.dataDir.resolve("memory").resolve("raw");
  }

  /**
   * Stores the bytes of a new data item.
   *
   * @return the location relative to the data dir
   */
  String write(String datasetId, String dataId, String extension, byte[] bytes) {
    check(datasetId);
    check(dataId);
    if (!SAFE_EXTENSION.matcher(extension).matches()) {
      throw new IllegalArgumentException("unsafe extension " + extension);
    }
    Path file =
        root.resolve(datasetId).resolve(extension.isEmpty() ? dataId : dataId + "." + extension);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store raw data", e);
    }
    return dataDir.relativize(file).toString().replace('\\', '/');
  }

  /** The file of a stored location, confined to the raw root. */
  public Path resolve(String location) {
    Path file = dataDir.resolve(location).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalStateException("raw location outside the raw root: " + location);
    }
    return file;
  }

  public byte[] read(String location) {
    try {
      return Files.readAllBytes(resolve(location));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read raw data", e);
    }
  }

  public InputStream open(String location) throws IOException {
    return Files.newInputStream(resolve(location));
  }

  public boolean exists(String location) {
    return Files.isRegularFile(resolve(location));
  }

  void delete(String location) {
    try {
      Files.deleteIfExists(resolve(location));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete raw data", e);
    }
  }

  void deleteDataset(String datasetId) {
    check(datasetId);
    Path dir = root.resolve(datasetId);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete raw data", e);
    }
  }

  private static void check(String id) {
    if (!SAFE.matcher(id).matches()) {
      throw new IllegalArgumentException("unsafe id " + id);
    }
  }
}
