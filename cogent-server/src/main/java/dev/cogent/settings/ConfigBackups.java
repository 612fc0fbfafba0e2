package dev.cogent.settings;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The backups {@code PATCH /config} takes before it writes, in {@code
 * <projectDir>/.cogent/config-backups/}. Backups are numbered ({@code backup-000001.yaml}, …): the
 * highest number is the newest, whatever the clock's resolution. Each one is a YAML document
 * holding the config file's former text (or that there was none) and the runtime-changeable values
 * in force before the change, so a rollback restores both.
 *
 * <p>Not thread-safe: {@link ConfigEditor} calls it under its lock.
 */
final class ConfigBackups {

  private static final Pattern NAME = Pattern.compile("backup-(\\d+)\\.yaml");

  private final Path directory;

  ConfigBackups(Path directory) {
    this.directory = directory;
  }

  /** Where the backups of {@code settings}' project config file live. */
  static ConfigBackups of(Settings settings) {
    return new ConfigBackups(settings.projectConfigFile().getParent().resolve("config-backups"));
  }

  /**
   * One backup.
   *
   * @param configText the config file's text, or null when the file did not exist
   * @param values the patchable settings in force before the change, by dotted path
   */
  record Backup(Instant createdAt, String configText, Map<String, Object> values) {
    Backup {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /** A backup as stored, with the file that holds it. */
  record Stored(Path file, Backup backup) {}

  /** Stores {@code backup} as the newest one and returns its file. */
  Path create(Backup backup) throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("created_at", backup.createdAt().toString());
    document.put("config_file_existed", backup.configText() != null);
    document.put("config_file_text", backup.configText());
    document.put("values", backup.values());
    long number = newestNumber().orElse(0) + 1;
    Path file = directory.resolve(name(number));
    AtomicWrite.replace(file, dumper().dump(document));
    return file;
  }

  /** The newest backup, if any. */
  Optional<Stored> findNewest() throws IOException {
    OptionalLong number = newestNumber();
    if (number.isEmpty()) {
      return Optional.empty();
    }
    Path file = directory.resolve(name(number.getAsLong()));
    return Optional.of(new Stored(file, parse(file)));
  }

  void delete(Stored stored) throws IOException {
    Files.deleteIfExists(stored.file());
  }

  private OptionalLong newestNumber() throws IOException {
    return files().stream().mapToLong(ConfigBackups::number).max();
  }

  @SuppressWarnings("unchecked")
  private static Backup parse(Path file) {
    try {
      Object loaded = new Yaml(new LoaderOptions()).load(new StringReader(Files.readString(file)));
      if (loaded instanceof Map<?, ?> document
          && document.get("created_at") instanceof String createdAt
          && document.get("config_file_existed") instanceof Boolean existed
          && document.get("values") instanceof Map<?, ?> values) {
        Object text = document.get("config_file_text");
        if (existed && !(text instanceof String)) {
          throw new SettingsException("Corrupt configuration backup " + file + ": text missing");
        }
        return new Backup(
            Instant.parse(createdAt), existed ? (String) text : null, (Map<String, Object>) values);
      }
      throw new SettingsException("Corrupt configuration backup " + file + ": fields missing");
    } catch (IOException | YAMLException | DateTimeParseException e) {
      throw new SettingsException("Corrupt configuration backup " + file + ": " + e, e);
    }
  }

  private static Yaml dumper() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setSplitLines(false);
    return new Yaml(options);
  }

  /** The backup files, oldest first. */
  List<Path> files() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> NAME.matcher(file.getFileName().toString()).matches())
          .sorted(Comparator.comparingLong(ConfigBackups::number))
          .toList();
    }
  }

  private static String name(long number) {
    return String.format("backup-%06d.yaml", number);
  }

  private static long number(Path file) {
    Matcher matcher = NAME.matcher(file.getFileName().toString());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a backup: " + file);
    }
    return Long.parseLong(matcher.group(1));
  }
}
