package dev.cogent.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The CLI's own config file, {@code ~/.config/cogent/config.yaml} (or {@code
 * $XDG_CONFIG_HOME/cogent/config.yaml}, or {@code --config}/{@code COGENT_CONFIG}): named profiles
 * with a server {@code url}, an {@code api_key} and a login {@code token}. The file holds secrets,
 * so it is written with mode 0600 and its values are never printed.
 */
final class Profiles {

  static final String DEFAULT = "default";

  private final Path file;

  Profiles(Path file) {
    this.file = file;
  }

  /** The file from {@code --config}, else {@code COGENT_CONFIG}, else the XDG location. */
  static Profiles locate(String flag, Map<String, String> environment) {
    if (flag != null && !flag.isBlank()) {
      return new Profiles(Path.of(flag));
    }
    String fromEnv = environment.get("COGENT_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new Profiles(Path.of(fromEnv));
    }
    String xdg = environment.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return new Profiles(base.resolve("cogent").resolve("config.yaml"));
  }

  Path file() {
    return file;
  }

  /** The profile's settings ({@code url}, {@code api_key}, {@code token}); empty when unknown. */
  Map<String, String> get(String profile) {
    Object node = profiles().get(profile);
    Map<String, String> values = new LinkedHashMap<>();
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
    }
    return values;
  }

  /** Sets (or, for a null value, removes) settings of a profile and saves the file as 0600. */
  void put(String profile, Map<String, String> changes) {
    Map<String, Object> root = read();
    Map<String, Object> profiles = new LinkedHashMap<>(profiles(root));
    Map<String, String> values = new LinkedHashMap<>(get(profile));
    changes.forEach(
        (key, value) -> {
          if (value == null) {
            values.remove(key);
          } else {
            values.put(key, value);
          }
        });
    profiles.put(profile, values);
    root.put("profiles", profiles);
    write(root);
  }

  private Map<String, Object> profiles() {
    return profiles(read());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> profiles(Map<String, Object> root) {
    return root.get("profiles") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read() {
    if (!Files.isRegularFile(file)) {
      return new LinkedHashMap<>();
    }
    try {
      Object loaded =
          new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
      return loaded instanceof Map<?, ?> map
          ? new LinkedHashMap<>((Map<String, Object>) map)
          : new LinkedHashMap<>();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(Map<String, Object> root) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    String text =
        "# cogent CLI profiles; holds credentials: keep it private (mode 0600)\n"
            + new Yaml(options).dump(root);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(temp);
      try {
        // Created private before any secret is written into it.
        Files.createFile(
            temp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
        Files.createFile(temp);
      }
      Files.writeString(temp, text);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
