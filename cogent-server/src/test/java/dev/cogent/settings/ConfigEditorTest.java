package dev.cogent.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigEditorTest {

  private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

  @TempDir Path project;

  private Settings initial;
  private LiveSettings live;
  private ConfigEditor editor;
  private Path configFile;
  private Path backupDir;

  @BeforeEach
  void create_editor() {
    initial = settings(new RateLimitSettings(60, 10));
    live = new LiveSettings(initial);
    editor = new ConfigEditor(live, InstantSource.fixed(NOW));
    configFile = project.resolve(".cogent/config.yaml");
    backupDir = project.resolve(".cogent/config-backups");
  }

  private Settings settings(RateLimitSettings rateLimit) {
    return new Settings(
        project,
        new ServerSettings(
            "127.0.0.1",
            8000,
            "info",
            1024,
            Duration.ofSeconds(10),
            false,
            false,
            Duration.ofSeconds(60),
            Duration.ofSeconds(15)),
        new StoreSettings(project.resolve(".cogent"), null, null, null, 10),
        new ScopingSettings(false, List.of("user")),
        rateLimit,
        new ObservabilitySettings(
            false, null, null, false, 3, Duration.ofSeconds(30), Duration.ofSeconds(30)),
        new MlflowSettings(false, null),
        new ToolSettings("local", Duration.ofSeconds(300), 100_000, "python3", "node"),
        RuntimeSettings.withSecret(null),
        AuthSettings.defaults(),
        A2aSettings.DEFAULTS,
        ModelSettings.DEFAULTS,
        McpSettings.DEFAULTS,
        MemorySettings.DEFAULTS);
  }

  /** What a fresh start would read from the project config file alone. */
  private Settings reload() {
    return new SettingsLoader()
        .load(new SettingsSources(project.resolve("no-home"), project, Map.of(), Map.of()));
  }

  private static Map<String, Object> object(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private ApiException patchFails(Map<String, Object> body) {
    ApiException error = catchThrowableOfType(ApiException.class, () -> editor.patch(body));
    assertThat(error).as("patch(%s) must fail", body).isNotNull();
    return error;
  }

  @SuppressWarnings("unchecked")
  private static List<String> errorFields(ApiException error) {
    return ((List<Map<String, Object>>) error.details().get("errors"))
        .stream().map(entry -> (String) entry.get("field")).toList();
  }

  private List<Path> backups() throws IOException {
    return ConfigBackups.of(initial).files();
  }

  private void assertNothingChanged() throws IOException {
    assertThat(live.current()).isEqualTo(initial);
    assertThat(configFile).doesNotExist();
    assertThat(backups()).isEmpty();
  }

  @Test
  void patch_makes_the_change_current_persists_it_and_reports_it() throws IOException {
    ConfigChange change = editor.patch(object("rate_limit", object("per_minute", 120)));

    assertThat(change)
        .isEqualTo(new ConfigChange(true, Map.of("rate_limit.per_minute", 120), true, NOW));
    assertThat(live.current()).isEqualTo(initial.withRateLimit(new RateLimitSettings(120, 10)));
    assertThat(reload().rateLimit().perMinute()).isEqualTo(120);
    assertThat(backups())
        .extracting(path -> path.getFileName().toString())
        .containsExactly("backup-000001.yaml");
  }

  @Test
  void patch_reports_changes_in_request_order_and_accepts_every_allowed_path() {
    Map<String, Object> body =
        object(
            "mlflow", object("experiment_name", "exp-1", "enabled", true),
            "observability",
                object(
                    "otel_enabled", true, "metrics_port", 9464, "otel_endpoint", "http://o:4318"),
            "rate_limit", object("burst", 20, "per_minute", 90));

    ConfigChange change = editor.patch(body);

    assertThat(change.changes().keySet())
        .containsExactly(
            "mlflow.experiment_name",
            "mlflow.enabled",
            "observability.otel_enabled",
            "observability.metrics_port",
            "observability.otel_endpoint",
            "rate_limit.burst",
            "rate_limit.per_minute");
    Settings expected =
        initial
            .withRateLimit(new RateLimitSettings(90, 20))
            .withObservability(
                new ObservabilitySettings(
                    true,
                    9464,
                    "http://o:4318",
                    false,
                    3,
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(30)))
            .withMlflow(new MlflowSettings(true, "exp-1"));
    assertThat(live.current()).isEqualTo(expected);
    Settings reloaded = reload();
    assertThat(reloaded.rateLimit()).isEqualTo(expected.rateLimit());
    assertThat(reloaded.observability()).isEqualTo(expected.observability());
    assertThat(reloaded.mlflow()).isEqualTo(expected.mlflow());
  }

  @Test
  void patch_keeps_other_keys_comments_and_placeholders_of_the_file() throws IOException {
    Files.createDirectories(configFile.getParent());
    Files.writeString(
        configFile,
        """
        # my settings
        server:
          port: ${PORT:-9000} # the port
        rate_limit:
          burst: 5 # five
        """);

    editor.patch(object("rate_limit", object("burst", 7), "mlflow", object("enabled", true)));

    assertThat(Files.readString(configFile))
        .isEqualTo(
            """
            # my settings
            server:
              port: ${PORT:-9000} # the port
            rate_limit:
              burst: 7 # five
            mlflow:
              enabled: true
            """);
    assertThat(reload().server().port()).isEqualTo(9000);
  }

  @Test
  void a_long_value_stays_on_one_line() throws IOException {
    String endpoint = "https://collector.example.com/" + "v1/traces/".repeat(12);

    editor.patch(object("observability", object("otel_endpoint", endpoint)));

    assertThat(Files.readString(configFile)).contains("  otel_endpoint: " + endpoint + "\n");
    assertThat(reload().observability().otelEndpoint()).isEqualTo(endpoint);
  }

  @Test
  void a_string_that_looks_like_another_type_is_written_so_it_reads_back_as_a_string() {
    editor.patch(object("mlflow", object("experiment_name", "yes")));

    assertThat(reload().mlflow().experimentName()).isEqualTo("yes");
  }

  @Test
  void null_clears_an_optional_setting_in_memory_and_in_the_file() {
    editor.patch(object("observability", object("metrics_port", 9464)));
    assertThat(reload().observability().metricsPort()).isEqualTo(9464);

    ConfigChange change = editor.patch(object("observability", object("metrics_port", null)));

    assertThat(change.changes()).containsEntry("observability.metrics_port", null);
    assertThat(live.current().observability().metricsPort()).isNull();
    assertThat(reload().observability().metricsPort()).isNull();
  }

  @Test
  void an_empty_change_set_is_a_validation_error() throws IOException {
    for (Map<String, Object> body :
        Stream.of(Map.<String, Object>of(), object("rate_limit", Map.of()), null).toList()) {
      ApiException error = patchFails(body);

      assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
      assertThat(error.status()).isEqualTo(422);
      assertThat(errorFields(error)).containsExactly("body");
      assertThat(error.getMessage()).contains("empty");
    }
    assertNothingChanged();
  }

  @Test
  void every_disallowed_path_is_named_and_nothing_changes() throws IOException {
    ApiException error =
        patchFails(
            object(
                "server", object("port", 9000),
                "rate_limit", object("per_minute", 120),
                "store", object("database_url", "jdbc:postgresql://x/y"),
                "llm", object("provider", "openai")));

    assertThat(error.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
    assertThat(errorFields(error))
        .containsExactly("server.port", "store.database_url", "llm.provider");
    assertNothingChanged();
  }

  @Test
  void a_section_given_a_value_instead_of_an_object_is_rejected() throws IOException {
    ApiException error = patchFails(object("rate_limit", 5));

    assertThat(errorFields(error)).containsExactly("rate_limit");
    assertNothingChanged();
  }

  @Test
  void every_value_of_the_wrong_type_is_named_and_nothing_changes() throws IOException {
    ApiException error =
        patchFails(
            object(
                "rate_limit", object("per_minute", "120", "burst", null),
                "observability", object("metrics_port", 1.5, "otel_enabled", "yes"),
                "mlflow", object("enabled", 1, "experiment_name", List.of("x"))));

    assertThat(error.status()).isEqualTo(422);
    assertThat(errorFields(error))
        .containsExactly(
            "rate_limit.per_minute",
            "rate_limit.burst",
            "observability.metrics_port",
            "observability.otel_enabled",
            "mlflow.enabled",
            "mlflow.experiment_name");
    assertNothingChanged();
  }

  @Test
  void a_value_the_settings_reject_names_its_path_and_nothing_changes() throws IOException {
    ApiException burst = patchFails(object("rate_limit", object("burst", 0)));
    ApiException port = patchFails(object("observability", object("metrics_port", 70000)));
    ApiException placeholder =
        patchFails(object("observability", object("otel_endpoint", "http://${HOST}")));

    assertThat(errorFields(burst)).containsExactly("rate_limit.burst");
    assertThat(burst.getMessage()).contains("at least 1");
    assertThat(errorFields(port)).containsExactly("observability.metrics_port");
    assertThat(errorFields(placeholder)).containsExactly("observability.otel_endpoint");
    assertNothingChanged();
  }

  @Test
  void a_malformed_project_file_is_a_conflict_and_is_left_alone() throws IOException {
    Files.createDirectories(configFile.getParent());
    Files.writeString(configFile, "rate_limit: [oops\n");

    ApiException error = patchFails(object("rate_limit", object("burst", 3)));

    assertThat(error.code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(Files.readString(configFile)).isEqualTo("rate_limit: [oops\n");
    assertThat(backups()).isEmpty();
    assertThat(live.current()).isEqualTo(initial);
  }

  @Test
  void rollback_undoes_one_change_at_a_time_and_then_answers_not_found() throws IOException {
    editor.patch(object("rate_limit", object("per_minute", 120)));
    editor.patch(object("rate_limit", object("per_minute", 200, "burst", 30)));
    assertThat(backups()).hasSize(2);

    RollbackResult first = editor.rollback();

    assertThat(first).isEqualTo(new RollbackResult(true, NOW));
    assertThat(live.current().rateLimit()).isEqualTo(new RateLimitSettings(120, 10));
    assertThat(reload().rateLimit()).isEqualTo(new RateLimitSettings(120, 10));
    assertThat(backups()).hasSize(1);

    editor.rollback();

    assertThat(live.current()).isEqualTo(initial);
    assertThat(configFile).as("there was no file before the first change").doesNotExist();
    assertThat(backups()).isEmpty();

    ApiException none = catchThrowableOfType(ApiException.class, editor::rollback);
    assertThat(none.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(none.status()).isEqualTo(404);
    assertThat(none).hasMessage("No configuration backup exists");
  }

  @Test
  void rollback_without_any_backup_is_not_found() {
    ApiException error = catchThrowableOfType(ApiException.class, editor::rollback);

    assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(live.current()).isEqualTo(initial);
  }

  @Test
  void rollback_restores_the_former_file_byte_for_byte() throws IOException {
    String original =
        "# keep me\nrate_limit:\n  burst: 5   # odd   spacing\nserver:\n  port: 9000\n";
    Files.createDirectories(configFile.getParent());
    Files.writeString(configFile, original);

    editor.patch(object("rate_limit", object("burst", 6)));
    assertThat(Files.readString(configFile)).isNotEqualTo(original);
    editor.rollback();

    assertThat(Files.readString(configFile)).isEqualTo(original);
  }

  @Test
  void rollback_restores_values_that_came_from_outside_the_file() {
    // 30 came from, say, an environment variable: not in the file, yet in force before the change.
    Settings fromEnvironment = settings(new RateLimitSettings(30, 10));
    live.replace(fromEnvironment);

    editor.patch(object("rate_limit", object("per_minute", 120)));
    editor.rollback();

    assertThat(live.current()).isEqualTo(fromEnvironment);
  }

  @Test
  void the_newest_backup_is_found_by_number_even_when_the_clock_stands_still() throws IOException {
    for (int perMinute = 1; perMinute <= 11; perMinute++) {
      editor.patch(object("rate_limit", object("per_minute", perMinute)));
    }
    assertThat(backups())
        .extracting(path -> path.getFileName().toString())
        .hasSize(11)
        .endsWith("backup-000010.yaml", "backup-000011.yaml");

    editor.rollback();

    assertThat(live.current().rateLimit().perMinute()).isEqualTo(10);
  }

  @Test
  void patch_leaves_no_temporary_files_behind() throws IOException {
    editor.patch(object("mlflow", object("enabled", true)));

    try (Stream<Path> files = Files.list(configFile.getParent())) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder("config.yaml", "config-backups");
    }
    try (Stream<Path> files = Files.list(backupDir)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactly("backup-000001.yaml");
    }
  }

  @Test
  void listeners_hear_about_patches_and_rollbacks() {
    List<Integer> heard = new ArrayList<>();
    live.addListener(settings -> heard.add(settings.rateLimit().burst()));

    editor.patch(object("rate_limit", object("burst", 3)));
    editor.rollback();

    assertThat(heard).containsExactly(3, 10);
  }

  @Test
  void concurrent_patches_each_get_their_own_backup_and_roll_back_cleanly() throws Exception {
    int writers = 8;
    ExecutorService executor = Executors.newFixedThreadPool(writers);
    try {
      List<Future<ConfigChange>> results = new ArrayList<>();
      for (int i = 1; i <= writers; i++) {
        int burst = i;
        results.add(
            executor.submit(() -> editor.patch(object("rate_limit", object("burst", burst)))));
      }
      for (Future<ConfigChange> result : results) {
        assertThat(result).succeedsWithin(Duration.ofSeconds(30));
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(backups()).hasSize(writers);
    assertThat(reload().rateLimit()).isEqualTo(live.current().rateLimit());

    Map<Integer, Boolean> seen = new HashMap<>();
    for (int i = 0; i < writers; i++) {
      seen.put(live.current().rateLimit().burst(), true);
      editor.rollback();
    }

    assertThat(seen).hasSize(writers);
    assertThat(live.current()).isEqualTo(initial);
    assertThat(configFile).doesNotExist();
  }
}
