package dev.cogent.settings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and validates {@link Settings} once, at start-up. Layers, lowest to highest: built-in
 * defaults, {@code ~/.cogent/config.yaml}, the project's {@code .cogent/config.yaml}, a {@code
 * .env} file in the working directory, real {@code COGENT_*} environment variables, command-line
 * flags. Every key, variable and flag is listed once, in {@link SettingKey}. Unknown {@code
 * COGENT_*} variables are ignored (other features read their own); unknown file keys and flags are
 * errors.
 *
 * <p>Stateless and thread-safe.
 */
public final class SettingsLoader {

  private static final Logger log = LoggerFactory.getLogger(SettingsLoader.class);

  /** The environment variable and flag that choose the project dir; they are not settings. */
  static final String PROJECT_DIR_VARIABLE = "COGENT_PROJECT_DIR";

  static final String PROJECT_DIR_FLAG = "project-dir";

  public SettingsLoader() {}

  /**
   * Reads every layer and builds the settings.
   *
   * @throws SettingsException when any layer is malformed or any value is invalid; the message
   *     names the file and line, environment variable or flag, and the dotted key
   */
  public Settings load(SettingsSources sources) {
    DotEnvFile dotEnv = DotEnvFile.read(sources.workingDir().resolve(".env"));
    Map<String, String> environment = new HashMap<>(dotEnv.values());
    environment.putAll(sources.environment());
    Path projectDir = projectDir(sources, dotEnv);

    Map<SettingKey, RawValue> raw = new EnumMap<>(SettingKey.class);
    for (SettingKey key : SettingKey.values()) {
      key.findDefault().ifPresent(value -> raw.put(key, new RawValue(value, Origin.DEFAULT)));
    }
    YamlConfigReader files = new YamlConfigReader(new Placeholders(environment));
    List<Path> filesRead = new ArrayList<>();
    // A project dir that is the home folder has one config file, read once.
    for (Path file :
        new LinkedHashSet<>(List.of(userConfigFile(sources), configFile(projectDir)))) {
      if (Files.exists(file)) {
        raw.putAll(files.read(file));
        filesRead.add(file);
      }
    }
    for (SettingKey key : SettingKey.values()) {
      String variable = key.envVar();
      if (sources.environment().containsKey(variable)) {
        raw.put(
            key, new RawValue(sources.environment().get(variable), Origin.environment(variable)));
      } else {
        dotEnv
            .find(variable)
            .ifPresent(
                entry ->
                    raw.put(
                        key,
                        new RawValue(
                            entry.value(), Origin.dotEnv(dotEnv.file(), entry.line(), variable))));
      }
    }
    sources.flags().forEach((flag, value) -> applyFlag(flag, value, raw));

    Settings settings = build(sources, projectDir, raw);
    log.info(
        "Configuration: project dir {}, files {}, data dir {}",
        projectDir,
        filesRead.isEmpty() ? "(none)" : filesRead,
        settings.store().dataDir());
    if (log.isDebugEnabled()) {
      for (SettingKey key : SettingKey.values()) {
        log.debug(
            "  {} = {} ({})",
            key.path(),
            key.displayValue(settings),
            Optional.ofNullable(raw.get(key)).map(RawValue::origin).orElse(Origin.DEFAULT));
      }
    }
    return settings;
  }

  static Path configFile(Path projectDir) {
    return projectDir.resolve(".cogent").resolve("config.yaml");
  }

  private static Path userConfigFile(SettingsSources sources) {
    return configFile(sources.userHome());
  }

  /** Flag {@code project-dir}, else {@code COGENT_PROJECT_DIR} (real env, then .env), else cwd. */
  private static Path projectDir(SettingsSources sources, DotEnvFile dotEnv) {
    String flag = sources.flags().get(PROJECT_DIR_FLAG);
    if (flag != null) {
      return existingDirectory(sources, flag, Origin.flag(PROJECT_DIR_FLAG));
    }
    String variable = sources.environment().get(PROJECT_DIR_VARIABLE);
    if (variable != null) {
      return existingDirectory(sources, variable, Origin.environment(PROJECT_DIR_VARIABLE));
    }
    Optional<DotEnvFile.Entry> entry = dotEnv.find(PROJECT_DIR_VARIABLE);
    if (entry.isPresent()) {
      return existingDirectory(
          sources,
          entry.get().value(),
          Origin.dotEnv(dotEnv.file(), entry.get().line(), PROJECT_DIR_VARIABLE));
    }
    return sources.workingDir();
  }

  private static Path existingDirectory(SettingsSources sources, String value, Origin origin) {
    Path directory;
    try {
      directory = resolve(sources, Path.of(value.strip()));
    } catch (InvalidPathException e) {
      throw new SettingsException("Invalid project dir (" + origin + "): " + e.getMessage(), e);
    }
    if (value.isBlank() || !Files.isDirectory(directory)) {
      throw new SettingsException(
          "Invalid project dir (" + origin + "): " + directory + " is not a directory");
    }
    return directory;
  }

  /** Relative paths resolve against the working dir; {@code ~} and {@code ~/…} against home. */
  private static Path resolve(SettingsSources sources, Path path) {
    if (path.startsWith("~")) {
      Path home = sources.userHome();
      return (path.getNameCount() == 1 ? home : home.resolve(path.subpath(1, path.getNameCount())))
          .normalize();
    }
    return sources.workingDir().resolve(path).normalize();
  }

  private static void applyFlag(String flag, String value, Map<SettingKey, RawValue> raw) {
    if (flag.equals(PROJECT_DIR_FLAG)) {
      return;
    }
    SettingKey key =
        SettingKey.findByFlag(flag)
            .orElseThrow(() -> new SettingsException("Unknown flag --" + flag));
    raw.put(key, new RawValue(value, Origin.flag(flag)));
  }

  private static Settings build(
      SettingsSources sources, Path projectDir, Map<SettingKey, RawValue> raw) {
    SettingValues values = new SettingValues();
    raw.forEach((key, value) -> values.put(key, parse(key, value)));
    // Agent mode moves the default port, as in the anchor; a port set anywhere still wins.
    if (Boolean.TRUE.equals(values.get(SettingKey.SERVER_AGENT_MODE))
        && raw.get(SettingKey.SERVER_PORT).origin().equals(Origin.DEFAULT)) {
      values.put(SettingKey.SERVER_PORT, ServerSettings.AGENT_MODE_PORT);
    }
    if (values.get(SettingKey.STORE_DATA_DIR) instanceof Path dataDir) {
      values.put(SettingKey.STORE_DATA_DIR, resolve(sources, dataDir));
    } else {
      values.put(SettingKey.STORE_DATA_DIR, projectDir.resolve(".cogent"));
    }
    return new Settings(
        projectDir,
        section("server", raw, values::server),
        section("store", raw, values::store),
        section("scoping", raw, values::scoping),
        section("rate_limit", raw, values::rateLimit),
        section("observability", raw, values::observability),
        section("mlflow", raw, values::mlflow),
        section("tools", raw, values::tools),
        section("runtime", raw, values::runtime),
        section("auth", raw, values::auth),
        section("a2a", raw, values::a2a),
        section("models", raw, values::models),
        section("mcp", raw, values::mcp),
        section("memory", raw, values::memory));
  }

  private static Object parse(SettingKey key, RawValue raw) {
    try {
      return key.type().parse(raw.value());
    } catch (IllegalArgumentException e) {
      throw SettingsException.invalid(key, raw.origin(), problem(key, e), e);
    }
  }

  /**
   * Builds one section record, turning its validation error into one that names the source of the
   * offending value. The records name the key in their messages ({@code rate_limit.burst must be at
   * least 1}); when none is named, every non-default source of the section is listed.
   */
  private static <T> T section(String section, Map<SettingKey, RawValue> raw, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      Optional<SettingKey> named =
          raw.keySet().stream()
              .filter(key -> key.section().equals(section) && message.contains(key.path()))
              .max(Comparator.comparingInt(key -> key.path().length()));
      if (named.isPresent()) {
        SettingKey key = named.get();
        throw SettingsException.invalid(key, raw.get(key).origin(), problem(key, e), e);
      }
      String origins =
          raw.entrySet().stream()
              .filter(entry -> entry.getKey().section().equals(section))
              .filter(entry -> !entry.getValue().origin().equals(Origin.DEFAULT))
              .map(entry -> entry.getKey().path() + " from " + entry.getValue().origin())
              .collect(Collectors.joining(", "));
      throw new SettingsException(
          "Invalid settings section "
              + section
              + (origins.isEmpty() ? "" : " (" + origins + ")")
              + ": "
              + message,
          e);
    }
  }

  /** The problem without a leading repeat of the key, and without the value for a secret. */
  private static String problem(SettingKey key, IllegalArgumentException e) {
    if (key.isSecret()) {
      return "invalid value";
    }
    String message = String.valueOf(e.getMessage());
    if (message.startsWith(key.path() + ": ")) {
      return message.substring(key.path().length() + 2);
    }
    if (message.startsWith(key.path() + " ")) {
      return message.substring(key.path().length() + 1);
    }
    return message;
  }
}
