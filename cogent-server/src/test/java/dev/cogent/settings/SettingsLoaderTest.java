package dev.cogent.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsLoaderTest {

  @TempDir Path temp;

  private Path home;
  private Path work;
  private final Map<String, String> environment = new HashMap<>();
  private final Map<String, String> flags = new HashMap<>();
  private final SettingsLoader loader = new SettingsLoader();

  @BeforeEach
  void create_folders() throws IOException {
    home = Files.createDirectories(temp.resolve("home"));
    work = Files.createDirectories(temp.resolve("work"));
  }

  private Settings load() {
    return loader.load(new SettingsSources(home, work, environment, flags));
  }

  private SettingsException loadFails() {
    try {
      load();
    } catch (SettingsException e) {
      return e;
    }
    throw new AssertionError("expected a SettingsException");
  }

  private Path userConfig(String yaml) throws IOException {
    return write(home.resolve(".cogent/config.yaml"), yaml);
  }

  private Path projectConfig(String yaml) throws IOException {
    return write(work.resolve(".cogent/config.yaml"), yaml);
  }

  private Path dotEnv(String text) throws IOException {
    return write(work.resolve(".env"), text);
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Nested
  class Defaults {

    @Test
    void with_no_files_variables_or_flags_every_default_applies() {
      Settings settings = load();

      assertThat(settings.projectDir()).isEqualTo(work);
      assertThat(settings.server())
          .isEqualTo(
              new ServerSettings(
                  "127.0.0.1",
                  8000,
                  "info",
                  10485760L,
                  Duration.ofSeconds(10),
                  false,
                  false,
                  Duration.ofSeconds(60),
                  Duration.ofSeconds(15)));
      assertThat(settings.store())
          .isEqualTo(new StoreSettings(work.resolve(".cogent"), null, null, null, 10));
      assertThat(settings.scoping())
          .isEqualTo(new ScopingSettings(false, java.util.List.of("user")));
      assertThat(settings.rateLimit()).isEqualTo(new RateLimitSettings(60, 10));
      assertThat(settings.observability())
          .isEqualTo(
              new ObservabilitySettings(
                  false, null, null, false, 3, Duration.ofSeconds(30), Duration.ofSeconds(30)));
      assertThat(settings.mlflow()).isEqualTo(new MlflowSettings(false, null));
      assertThat(settings.projectConfigFile()).isEqualTo(work.resolve(".cogent/config.yaml"));
    }

    @Test
    void every_key_with_a_default_parses_its_own_default() {
      for (SettingKey key : SettingKey.values()) {
        key.findDefault().ifPresent(text -> assertThat(key.type().parse(text)).isNotNull());
      }
    }
  }

  @Nested
  class Layers {

    @Test
    void user_config_overrides_defaults() throws IOException {
      userConfig("rate_limit:\n  per_minute: 30\n");

      assertThat(load().rateLimit()).isEqualTo(new RateLimitSettings(30, 10));
    }

    @Test
    void project_config_overrides_user_config_key_by_key() throws IOException {
      userConfig("rate_limit:\n  per_minute: 30\n  burst: 3\n");
      projectConfig("rate_limit:\n  per_minute: 40\n");

      assertThat(load().rateLimit()).isEqualTo(new RateLimitSettings(40, 3));
    }

    @Test
    void dot_env_overrides_project_config() throws IOException {
      projectConfig("rate_limit:\n  per_minute: 40\n");
      dotEnv("COGENT_RATE_LIMIT_PER_MINUTE=50\n");

      assertThat(load().rateLimit().perMinute()).isEqualTo(50);
    }

    @Test
    void real_environment_overrides_dot_env() throws IOException {
      dotEnv("COGENT_RATE_LIMIT_PER_MINUTE=50\nCOGENT_RATE_LIMIT_BURST=5\n");
      environment.put("COGENT_RATE_LIMIT_PER_MINUTE", "70");

      assertThat(load().rateLimit()).isEqualTo(new RateLimitSettings(70, 5));
    }

    @Test
    void flags_override_the_real_environment() throws IOException {
      projectConfig("server:\n  port: 8100\n  host: 10.0.0.1\n");
      environment.put("COGENT_PORT", "8200");
      flags.put("port", "8300");

      Settings settings = load();

      assertThat(settings.server().port()).isEqualTo(8300);
      assertThat(settings.server().host()).isEqualTo("10.0.0.1");
    }

    @Test
    void every_flag_sets_its_key() {
      flags.put("host", "0.0.0.0");
      flags.put("port", "0");
      flags.put("data-dir", "data");
      flags.put("database-url", "jdbc:postgresql://db/cogent");

      Settings settings = load();

      assertThat(settings.server().host()).isEqualTo("0.0.0.0");
      assertThat(settings.server().port()).isZero();
      assertThat(settings.store().dataDir()).isEqualTo(work.resolve("data"));
      assertThat(settings.store().databaseUrl()).isEqualTo("jdbc:postgresql://db/cogent");
    }

    @Test
    void an_unknown_flag_is_an_error() {
      flags.put("prot", "9000");

      assertThat(loadFails()).hasMessageContaining("--prot");
    }

    @Test
    void unknown_cogent_variables_are_ignored() {
      environment.put("COGENT_SOMETHING_ELSE", "x");
      environment.put("COGENT_OPENAI_API_KEY", "sk-1");

      assertThat(load().server().port()).isEqualTo(8000);
    }

    @Test
    void every_environment_variable_sets_its_key() {
      environment.putAll(
          Map.ofEntries(
              Map.entry("COGENT_HOST", "0.0.0.0"),
              Map.entry("COGENT_PORT", "9000"),
              Map.entry("COGENT_LOG_LEVEL", "DEBUG"),
              Map.entry("COGENT_MAX_BODY_BYTES", "2048"),
              Map.entry("COGENT_SHUTDOWN_GRACE_SECONDS", "3"),
              Map.entry("COGENT_DATA_DIR", "/var/lib/cogent"),
              Map.entry("COGENT_DATABASE_URL", "jdbc:postgresql://db/c"),
              Map.entry("COGENT_DATABASE_USER", "ann"),
              Map.entry("COGENT_DATABASE_PASSWORD", "pw"),
              Map.entry("COGENT_DATABASE_POOL_SIZE", "4"),
              Map.entry("COGENT_SCOPING_ENABLED", "yes"),
              Map.entry("COGENT_SCOPE_KEYS", "user,project"),
              Map.entry("COGENT_RATE_LIMIT_PER_MINUTE", "61"),
              Map.entry("COGENT_RATE_LIMIT_BURST", "11"),
              Map.entry("COGENT_OTEL_ENABLED", "1"),
              Map.entry("COGENT_METRICS_PORT", "9464"),
              Map.entry("COGENT_OTEL_ENDPOINT", "http://otel:4318"),
              Map.entry("COGENT_MLFLOW_ENABLED", "TRUE"),
              Map.entry("COGENT_MLFLOW_EXPERIMENT_NAME", "exp")));

      Settings settings = load();

      assertThat(settings.server())
          .isEqualTo(
              new ServerSettings(
                  "0.0.0.0",
                  9000,
                  "debug",
                  2048L,
                  Duration.ofSeconds(3),
                  false,
                  false,
                  Duration.ofSeconds(60),
                  Duration.ofSeconds(15)));
      assertThat(settings.store())
          .isEqualTo(
              new StoreSettings(
                  Path.of("/var/lib/cogent"), "jdbc:postgresql://db/c", "ann", "pw", 4));
      assertThat(settings.scoping())
          .isEqualTo(new ScopingSettings(true, java.util.List.of("user", "project")));
      assertThat(settings.rateLimit()).isEqualTo(new RateLimitSettings(61, 11));
      assertThat(settings.observability())
          .isEqualTo(
              new ObservabilitySettings(
                  true,
                  9464,
                  "http://otel:4318",
                  false,
                  3,
                  Duration.ofSeconds(30),
                  Duration.ofSeconds(30)));
      assertThat(settings.mlflow()).isEqualTo(new MlflowSettings(true, "exp"));
    }

    @Test
    void an_empty_variable_clears_an_optional_setting_from_a_file() throws IOException {
      projectConfig("observability:\n  metrics_port: 9464\n");
      environment.put("COGENT_METRICS_PORT", "");

      assertThat(load().observability().metricsPort()).isNull();
    }
  }

  @Nested
  class AgentMode {

    @Test
    void agent_mode_moves_the_default_port_to_8011() {
      environment.put("COGENT_AGENT_MODE", "true");

      Settings settings = load();

      assertThat(settings.server().agentMode()).isTrue();
      assertThat(settings.server().port()).isEqualTo(8011);
      assertThat(settings.server().agentModeCheckInterval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void the_agent_mode_flag_works_like_the_variable() {
      flags.put("agent-mode", "true");

      assertThat(load().server().port()).isEqualTo(8011);
    }

    @Test
    void a_port_set_anywhere_wins_over_the_agent_mode_port() throws IOException {
      environment.put("COGENT_AGENT_MODE", "true");
      environment.put("COGENT_PORT", "9000");
      assertThat(load().server().port()).isEqualTo(9000);

      environment.remove("COGENT_PORT");
      projectConfig("server:\n  port: 9100\n");
      assertThat(load().server().port()).isEqualTo(9100);

      flags.put("port", "0");
      assertThat(load().server().port()).isZero();
    }

    @Test
    void without_agent_mode_the_port_stays_8000() {
      environment.put("COGENT_AGENT_MODE_CHECK_SECONDS", "1");

      Settings settings = load();

      assertThat(settings.server().agentMode()).isFalse();
      assertThat(settings.server().port()).isEqualTo(8000);
      assertThat(settings.server().agentModeCheckInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_check_interval_of_zero_is_refused() {
      environment.put("COGENT_AGENT_MODE_CHECK_SECONDS", "0");

      assertThat(loadFails()).hasMessageContaining("server.agent_mode_check_seconds");
    }
  }

  @Nested
  class ProjectDir {

    @Test
    void the_project_dir_flag_chooses_the_project_config_and_default_data_dir() throws IOException {
      Path project = Files.createDirectories(temp.resolve("project"));
      write(project.resolve(".cogent/config.yaml"), "rate_limit:\n  burst: 7\n");
      projectConfig("rate_limit:\n  burst: 99\n");
      flags.put("project-dir", project.toString());

      Settings settings = load();

      assertThat(settings.projectDir()).isEqualTo(project);
      assertThat(settings.rateLimit().burst()).isEqualTo(7);
      assertThat(settings.store().dataDir()).isEqualTo(project.resolve(".cogent"));
    }

    @Test
    void cogent_project_dir_from_dot_env_is_used_and_resolved_against_the_working_dir()
        throws IOException {
      Files.createDirectories(work.resolve("sub"));
      dotEnv("COGENT_PROJECT_DIR=sub\n");

      assertThat(load().projectDir()).isEqualTo(work.resolve("sub"));
    }

    @Test
    void the_flag_wins_over_the_variable() throws IOException {
      Path fromFlag = Files.createDirectories(temp.resolve("flag"));
      Path fromVariable = Files.createDirectories(temp.resolve("variable"));
      environment.put("COGENT_PROJECT_DIR", fromVariable.toString());
      flags.put("project-dir", fromFlag.toString());

      assertThat(load().projectDir()).isEqualTo(fromFlag);
    }

    @Test
    void a_project_dir_that_does_not_exist_is_an_error_naming_its_source() {
      environment.put("COGENT_PROJECT_DIR", temp.resolve("missing").toString());

      assertThat(loadFails())
          .hasMessageContaining("environment variable COGENT_PROJECT_DIR")
          .hasMessageContaining("missing");
    }

    @Test
    void a_relative_data_dir_resolves_against_the_working_dir_and_tilde_against_home()
        throws IOException {
      projectConfig("store:\n  data_dir: ./data/../store\n");
      assertThat(load().store().dataDir()).isEqualTo(work.resolve("store"));

      environment.put("COGENT_DATA_DIR", "~/cogent-data");
      assertThat(load().store().dataDir()).isEqualTo(home.resolve("cogent-data"));
    }

    @Test
    void the_same_file_is_read_once_when_the_project_dir_is_home() throws IOException {
      userConfig("rate_limit:\n  burst: 4\n");
      flags.put("project-dir", home.toString());

      Settings settings = load();

      assertThat(settings.projectDir()).isEqualTo(home);
      assertThat(settings.rateLimit().burst()).isEqualTo(4);
    }
  }

  @Nested
  class DotEnv {

    @Test
    void quotes_export_and_comments_are_understood() throws IOException {
      dotEnv(
          """
          # a comment
          export COGENT_HOST="0.0.0.0"
          COGENT_MLFLOW_EXPERIMENT_NAME='has # hash'
          COGENT_PORT=9100 # trailing comment

          """);

      Settings settings = load();

      assertThat(settings.server().host()).isEqualTo("0.0.0.0");
      assertThat(settings.server().port()).isEqualTo(9100);
      assertThat(settings.mlflow().experimentName()).isEqualTo("has # hash");
    }

    @Test
    void a_bad_value_from_dot_env_names_the_file_line_and_variable() throws IOException {
      Path file = dotEnv("# first\nCOGENT_PORT=eighty\n");

      assertThat(loadFails())
          .hasMessageContaining("server.port")
          .hasMessageContaining("COGENT_PORT in " + file + " line 2")
          .hasMessageContaining("'eighty'");
    }

    @Test
    void a_malformed_line_names_the_file_and_line() throws IOException {
      Path file = dotEnv("COGENT_PORT=1\nnot a variable\n");

      assertThat(loadFails()).hasMessageContaining(file + " line 2");
    }
  }

  @Nested
  class Expansion {

    @Test
    void placeholders_expand_from_the_real_environment_over_dot_env() throws IOException {
      dotEnv("OTEL_HOST=from-dotenv\nEXPERIMENT=dotenv-experiment\n");
      environment.put("OTEL_HOST", "from-env");
      projectConfig(
          """
          observability:
            otel_endpoint: http://${OTEL_HOST}:4318
          mlflow:
            experiment_name: ${EXPERIMENT}
          """);

      Settings settings = load();

      assertThat(settings.observability().otelEndpoint()).isEqualTo("http://from-env:4318");
      assertThat(settings.mlflow().experimentName()).isEqualTo("dotenv-experiment");
    }

    @Test
    void a_default_applies_when_the_variable_is_unset_or_empty() throws IOException {
      environment.put("EMPTY", "");
      projectConfig(
          """
          server:
            port: ${PORT:-8123}
            host: ${EMPTY:-localhost}
          """);

      Settings settings = load();

      assertThat(settings.server().port()).isEqualTo(8123);
      assertThat(settings.server().host()).isEqualTo("localhost");
    }

    @Test
    void a_set_variable_wins_over_the_default_and_is_then_typed() throws IOException {
      environment.put("PORT", "8124");
      projectConfig("server:\n  port: ${PORT:-8123}\n");

      assertThat(load().server().port()).isEqualTo(8124);
    }

    @Test
    void an_unset_variable_without_default_names_file_line_key_and_variable() throws IOException {
      Path file = projectConfig("store:\n  pool_size: 4\n  database_password: ${DB_PASSWORD}\n");

      assertThat(loadFails())
          .hasMessageContaining(file + " line 3")
          .hasMessageContaining("store.database_password")
          .hasMessageContaining("DB_PASSWORD");
    }

    @Test
    void placeholders_expand_inside_lists() throws IOException {
      environment.put("SECOND", "Project");
      projectConfig("scoping:\n  keys: [user, '${SECOND}']\n");

      assertThat(load().scoping().keys()).containsExactly("user", "project");
    }
  }

  @Nested
  class FileErrors {

    @Test
    void malformed_yaml_names_file_line_and_the_key_it_was_in() throws IOException {
      Path file = projectConfig("server:\n  port: 8000\n  host: [a, b\nrate_limit:\n  burst: 2\n");

      SettingsException error = loadFails();

      assertThat(error)
          .hasMessageStartingWith("Malformed YAML")
          .hasMessageContaining(file.toString())
          .hasMessageMatching("(?s).* line [45].*")
          .hasMessageContaining("server.host");
    }

    @Test
    void malformed_yaml_in_the_user_file_names_that_file() throws IOException {
      Path file = userConfig("rate_limit:\n  burst: 1\n   per_minute: 2\n");

      assertThat(loadFails())
          .hasMessageContaining(file.toString())
          .hasMessageContaining("line 3")
          .hasMessageContaining("rate_limit.burst");
    }

    @Test
    void an_unknown_nested_key_names_file_line_and_dotted_key() throws IOException {
      Path file = projectConfig("# settings\nserver:\n  port: 8000\n  prot: 9000\n");

      assertThat(loadFails())
          .hasMessage("Unknown key server.prot (" + file + " line 4); did you mean server.port?");
    }

    @Test
    void an_unknown_section_names_file_line_and_key() throws IOException {
      Path file = projectConfig("server:\n  port: 8000\nllm_stuff:\n  x: 1\n");

      assertThat(loadFails())
          .hasMessageStartingWith("Unknown key llm_stuff (" + file + " line 3)")
          .hasMessageContaining("known sections: server, store, scoping");
    }

    @Test
    void a_key_below_a_leaf_is_reported_as_a_wrong_type() throws IOException {
      Path file = projectConfig("server:\n  port:\n    number: 8000\n");

      assertThat(loadFails())
          .hasMessageContaining("server.port")
          .hasMessageContaining(file + " line 3")
          .hasMessageContaining("got a mapping");
    }

    @Test
    void a_duplicate_key_is_an_error() throws IOException {
      Path file = projectConfig("rate_limit:\n  burst: 1\n  burst: 2\n");

      assertThat(loadFails()).hasMessage("Duplicate key rate_limit.burst (" + file + " line 3)");
    }

    @Test
    void a_top_level_that_is_not_a_mapping_is_an_error() throws IOException {
      Path file = projectConfig("- server\n- store\n");

      assertThat(loadFails()).hasMessageContaining(file + " line 1");
    }

    @Test
    void an_empty_file_and_an_empty_section_are_fine() throws IOException {
      userConfig("");
      projectConfig("# nothing yet\nserver:\nrate_limit: ~\n");

      assertThat(load().server().port()).isEqualTo(8000);
    }
  }

  @Nested
  class WrongTypes {

    @Test
    void a_quoted_word_for_a_port_names_file_line_key_and_value() throws IOException {
      Path file = projectConfig("server:\n  host: 0.0.0.0\n  port: \"abc\"\n");

      assertThat(loadFails())
          .hasMessage(
              "Invalid setting server.port (" + file + " line 3): expected an integer, got 'abc'");
    }

    @Test
    void a_list_for_a_single_value_is_an_error() throws IOException {
      Path file = projectConfig("server:\n  host: [a, b]\n");

      assertThat(loadFails())
          .hasMessageContaining("server.host")
          .hasMessageContaining(file + " line 2")
          .hasMessageContaining("got a list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "2", "on", "enabled"})
    void a_boolean_outside_the_accepted_words_names_variable_and_key(String value) {
      environment.put("COGENT_OTEL_ENABLED", value);

      assertThat(loadFails())
          .hasMessage(
              "Invalid setting observability.otel_enabled (environment variable"
                  + " COGENT_OTEL_ENABLED): expected a boolean (true/false, 1/0, yes/no), got '"
                  + value
                  + "'");
    }

    @ParameterizedTest
    @CsvSource({"true,true", "FALSE,false", "1,true", "0,false", "Yes,true", "no,false"})
    void booleans_accept_true_false_one_zero_yes_no_in_any_case(String text, boolean expected) {
      environment.put("COGENT_MLFLOW_ENABLED", text);

      assertThat(load().mlflow().enabled()).isEqualTo(expected);
    }

    @Test
    void a_bad_flag_value_names_the_flag() {
      flags.put("port", "http");

      assertThat(loadFails())
          .hasMessage("Invalid setting server.port (flag --port): expected an integer, got 'http'");
    }

    @Test
    void an_unknown_log_level_is_an_error() {
      environment.put("COGENT_LOG_LEVEL", "verbose");

      assertThat(loadFails())
          .hasMessageContaining("server.log_level")
          .hasMessageContaining("COGENT_LOG_LEVEL");
    }

    @Test
    void a_negative_shutdown_grace_is_an_error() {
      environment.put("COGENT_SHUTDOWN_GRACE_SECONDS", "-1");

      assertThat(loadFails()).hasMessageContaining("server.shutdown_grace_seconds");
    }

    @Test
    void a_password_hash_memory_below_argon2s_minimum_is_an_error() {
      environment.put("COGENT_PASSWORD_HASH_MEMORY_KIB", "4");

      assertThat(loadFails()).hasMessageContaining("auth.password_hash_memory_kib");
    }
  }

  @Nested
  class RecordValidation {

    @Test
    void an_out_of_range_port_names_the_variable_it_came_from() {
      environment.put("COGENT_PORT", "70000");

      assertThat(loadFails())
          .isInstanceOf(SettingsException.class)
          .hasMessage(
              "Invalid setting server.port (environment variable COGENT_PORT):"
                  + " must be between 0 and 65535")
          .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_zero_burst_names_the_file_and_line_it_came_from() throws IOException {
      Path file = projectConfig("rate_limit:\n  per_minute: 5\n  burst: 0\n");

      assertThat(loadFails())
          .hasMessage("Invalid setting rate_limit.burst (" + file + " line 3): must be at least 1");
    }

    @Test
    void an_invalid_scope_key_names_the_source() throws IOException {
      Path file = projectConfig("scoping:\n  keys: [user, 'bad key']\n");

      assertThat(loadFails())
          .hasMessageContaining("scoping.keys")
          .hasMessageContaining(file + " line 2")
          .hasMessageContaining("bad key");
    }

    @Test
    void a_secret_value_never_appears_in_an_error() throws IOException {
      projectConfig("store:\n  database_password: [hunter2]\n");

      assertThat(loadFails().getMessage())
          .contains("store.database_password")
          .doesNotContain("hunter2");
    }
  }

  @Nested
  class ScopeKeys {

    @Test
    void a_comma_list_in_the_environment_is_trimmed_and_lower_cased() {
      environment.put("COGENT_SCOPE_KEYS", " User , PROJECT,,user ");

      assertThat(load().scoping().keys()).containsExactly("user", "project");
    }

    @Test
    void a_json_array_in_the_environment_is_read() {
      environment.put("COGENT_SCOPE_KEYS", "[\"Tenant\", \"project\"]");

      assertThat(load().scoping().keys()).containsExactly("tenant", "project");
    }

    @Test
    void a_malformed_json_array_names_the_variable() {
      environment.put("COGENT_SCOPE_KEYS", "[\"user\", ");

      assertThat(loadFails())
          .hasMessageContaining("scoping.keys")
          .hasMessageContaining("COGENT_SCOPE_KEYS");
    }

    @Test
    void yaml_accepts_a_list_or_a_comma_string() throws IOException {
      projectConfig("scoping:\n  enabled: yes\n  keys: Org, team\n");
      assertThat(load().scoping())
          .isEqualTo(new ScopingSettings(true, java.util.List.of("org", "team")));

      projectConfig("scoping:\n  keys:\n    - Org\n    - team\n");
      assertThat(load().scoping().keys()).containsExactly("org", "team");
    }

    @Test
    void enabling_scoping_with_no_keys_names_the_source() {
      environment.put("COGENT_SCOPING_ENABLED", "true");
      environment.put("COGENT_SCOPE_KEYS", "[]");

      assertThat(loadFails())
          .hasMessageContaining("scoping.keys")
          .hasMessageContaining("COGENT_SCOPE_KEYS");
    }
  }

  @Nested
  class McpSection {

    @Test
    void mcp_servers_is_a_known_list_whose_items_the_loader_leaves_alone() throws IOException {
      projectConfig(
          "server:\n  port: 8100\nmcp:\n  servers:\n    - name: docs\n      url: ${DOCS_URL}\n"
              + "      anything: [1, 2]\n    - 42\n");

      assertThat(load().server().port()).isEqualTo(8100);
    }

    @Test
    void an_empty_mcp_section_is_fine() throws IOException {
      projectConfig("mcp:\n  servers:\n");

      assertThat(load().projectDir()).isEqualTo(work);
    }

    @Test
    void mcp_servers_that_is_not_a_list_names_file_and_line() throws IOException {
      Path file = projectConfig("mcp:\n  servers: docs\n");

      assertThat(loadFails())
          .hasMessage(
              "Invalid mcp.servers (" + file + " line 2): expected a list (items start with -)");
    }

    @Test
    void an_unknown_key_in_the_mcp_section_stops_start_up() throws IOException {
      Path file = projectConfig("mcp:\n  server:\n    - name: docs\n");

      assertThat(loadFails())
          .hasMessage("Unknown key mcp.server (" + file + " line 2); did you mean mcp.servers?");
    }
  }
}
