package dev.cogent.settings;

import dev.cogent.ApiException;
import dev.cogent.ApiException.FieldError;
import dev.cogent.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the runtime-changeable settings ({@code PATCH /config}) and undoes changes ({@code POST
 * /config/rollback}). A change is validated completely, then the project config file is backed up,
 * the merged file is written atomically, and only then is the new {@link Settings} swapped into
 * {@link LiveSettings}. Settings from environment variables and flags still win over the file at
 * the next start.
 *
 * <p>Thread-safe: changes and rollbacks run one at a time.
 */
public final class ConfigEditor {

  private static final Logger log = LoggerFactory.getLogger(ConfigEditor.class);

  private final LiveSettings live;
  private final InstantSource clock;
  private final ReentrantLock lock = new ReentrantLock();

  public ConfigEditor(LiveSettings live, InstantSource clock) {
    if (live == null || clock == null) {
      throw new IllegalArgumentException("live settings and clock are required");
    }
    this.live = live;
    this.clock = clock;
  }

  /**
   * Applies a change, persists it to the project config file and makes it current.
   *
   * @param body the parsed JSON body: nested objects such as {@code {"rate_limit": {"per_minute":
   *     120}}}; null values clear optional settings
   * @throws ApiException {@code VALIDATION_ERROR} (422) when the body changes nothing, names a path
   *     outside {@link SettingKey#isPatchable()} (each one listed in the details), has a value of
   *     the wrong type, or gives a value the settings reject; {@code CONFLICT} (409) when the
   *     existing project config file is not valid YAML
   * @throws UncheckedIOException when the backup or the file cannot be written; nothing changed
   */
  public ConfigChange patch(Map<String, Object> body) {
    Map<String, Object> changes = typedChanges(flatten(body));
    lock.lock();
    try {
      Settings current = live.current();
      Settings next = apply(current, changes);
      ProjectConfigFile file = new ProjectConfigFile(current.projectConfigFile());
      Optional<String> text = file.read();
      String merged;
      try {
        merged = file.merge(text, changes);
      } catch (SettingsException e) {
        throw new ApiException(
            ErrorCode.CONFLICT,
            "The project config file cannot be updated; fix or remove it first. " + e.getMessage());
      }
      ConfigBackups backups = ConfigBackups.of(current);
      Path backup = write(file, merged, backups, backupOf(current, text));
      live.replace(next);
      log.info("Configuration changed: {} (backup {})", changes.keySet(), backup.getFileName());
      return new ConfigChange(true, changes, true, clock.instant());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Restores the project config file and the runtime-changeable settings to what they were before
   * the newest change, and removes that backup, so a second rollback goes one change further back.
   *
   * @throws ApiException {@code NOT_FOUND} (404) when there is no backup
   * @throws UncheckedIOException when the file cannot be restored
   */
  public RollbackResult rollback() {
    lock.lock();
    try {
      Settings current = live.current();
      ConfigBackups backups = ConfigBackups.of(current);
      ConfigBackups.Stored newest =
          io(backups::findNewest)
              .orElseThrow(
                  () -> new ApiException(ErrorCode.NOT_FOUND, "No configuration backup exists"));
      Settings restored = restore(current, newest);
      ProjectConfigFile file = new ProjectConfigFile(current.projectConfigFile());
      String text = newest.backup().configText();
      io(
          () -> {
            if (text == null) {
              file.delete();
            } else {
              file.write(text);
            }
            backups.delete(newest);
            return null;
          });
      live.replace(restored);
      log.info("Configuration rolled back from {}", newest.file().getFileName());
      return new RollbackResult(true, clock.instant());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Nested objects to dotted paths, in body order; a patchable path is a leaf whatever it holds.
   */
  private static Map<String, Object> flatten(Map<String, Object> body) {
    Map<String, Object> flat = new LinkedHashMap<>();
    if (body != null) {
      flatten("", body, flat);
    }
    if (flat.isEmpty()) {
      throw ApiException.invalid(
          "body", "the change set is empty: name at least one setting, such as rate_limit.burst");
    }
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> object, Map<String, Object> flat) {
    object.forEach(
        (name, value) -> {
          String path = prefix + name;
          boolean leaf = SettingKey.findByPath(path).filter(SettingKey::isPatchable).isPresent();
          if (!leaf && value instanceof Map<?, ?> nested && !nested.isEmpty()) {
            flatten(path + ".", nested, flat);
          } else if (!leaf && value instanceof Map<?, ?>) {
            // An empty object changes nothing.
          } else if (flat.containsKey(path)) {
            throw ApiException.invalid(path, "is given twice");
          } else {
            flat.put(path, value);
          }
        });
  }

  /** Rejects every path that may not be changed, then every value of the wrong type. */
  private static Map<String, Object> typedChanges(Map<String, Object> flat) {
    String allowed =
        Arrays.stream(SettingKey.values())
            .filter(SettingKey::isPatchable)
            .map(SettingKey::path)
            .collect(Collectors.joining(", "));
    List<FieldError> disallowed = new ArrayList<>();
    for (String path : flat.keySet()) {
      if (SettingKey.isSection(path)) {
        disallowed.add(new FieldError(path, "must be an object of settings"));
      } else if (SettingKey.findByPath(path).filter(SettingKey::isPatchable).isEmpty()) {
        disallowed.add(
            new FieldError(path, "cannot be changed at runtime; allowed paths: " + allowed));
      }
    }
    if (!disallowed.isEmpty()) {
      throw ApiException.validation(disallowed);
    }
    Map<String, Object> typed = new LinkedHashMap<>();
    List<FieldError> wrongTypes = new ArrayList<>();
    flat.forEach(
        (path, value) -> {
          SettingKey key = SettingKey.findByPath(path).orElseThrow();
          try {
            Object checked = key.type().fromJson(value);
            if (checked instanceof String text && text.contains("${")) {
              // The file would expand it at the next start while the live value kept it literally.
              throw new IllegalArgumentException("must not contain a ${…} placeholder");
            }
            typed.put(path, checked);
          } catch (IllegalArgumentException e) {
            wrongTypes.add(new FieldError(path, e.getMessage()));
          }
        });
    if (!wrongTypes.isEmpty()) {
      throw ApiException.validation(wrongTypes);
    }
    return typed;
  }

  private static Settings apply(Settings current, Map<String, Object> changes) {
    SettingValues values = SettingValues.of(current);
    changes.forEach((path, value) -> values.put(SettingKey.findByPath(path).orElseThrow(), value));
    List<String> paths = List.copyOf(changes.keySet());
    return current
        .withRateLimit(validated(paths, values::rateLimit))
        .withObservability(validated(paths, values::observability))
        .withMlflow(validated(paths, values::mlflow));
  }

  /** Builds a section; its record's complaint becomes a 422 on the changed path it names. */
  private static <T> T validated(List<String> changed, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      String field = changed.stream().filter(message::contains).findFirst().orElse(changed.get(0));
      String problem =
          message.startsWith(field + " ") ? message.substring(field.length() + 1) : message;
      throw ApiException.invalid(field, problem);
    }
  }

  private ConfigBackups.Backup backupOf(Settings current, Optional<String> text) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (SettingKey key : SettingKey.values()) {
      if (key.isPatchable()) {
        values.put(key.path(), key.read(current));
      }
    }
    return new ConfigBackups.Backup(clock.instant(), text.orElse(null), values);
  }

  /** Backs up, then writes; if the write fails the backup is removed again so nothing changed. */
  private static Path write(
      ProjectConfigFile file, String merged, ConfigBackups backups, ConfigBackups.Backup backup) {
    Path created = io(() -> backups.create(backup));
    try {
      file.write(merged);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(created);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException("Cannot write " + file.path(), e);
    }
    return created;
  }

  /** The settings with the patchable values recorded in the backup. */
  private static Settings restore(Settings current, ConfigBackups.Stored stored) {
    SettingValues values = SettingValues.of(current);
    try {
      stored
          .backup()
          .values()
          .forEach(
              (path, value) -> {
                SettingKey key =
                    SettingKey.findByPath(path)
                        .filter(SettingKey::isPatchable)
                        .orElseThrow(() -> new IllegalArgumentException("unknown key " + path));
                values.put(key, key.type().fromJson(value));
              });
      return current
          .withRateLimit(values.rateLimit())
          .withObservability(values.observability())
          .withMlflow(values.mlflow());
    } catch (IllegalArgumentException e) {
      throw new SettingsException(
          "Corrupt configuration backup " + stored.file() + ": " + e.getMessage(), e);
    }
  }

  /** An I/O step. */
  @FunctionalInterface
  private interface IoStep<T> {
    T run() throws IOException;
  }

  private static <T> T io(IoStep<T> step) {
    try {
      return step.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }
}
