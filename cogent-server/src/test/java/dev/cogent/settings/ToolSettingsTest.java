package dev.cogent.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolSettingsTest {

  @TempDir Path temp;
  Path home;
  Path work;

  @BeforeEach
  void create_folders() throws IOException {
    home = Files.createDirectories(temp.resolve("home"));
    work = Files.createDirectories(temp.resolve("work"));
  }

  Settings load(Map<String, String> environment) {
    return new SettingsLoader().load(new SettingsSources(home, work, environment, Map.of()));
  }

  @Test
  void defaults_to_the_local_sandbox_five_minutes_and_100000_bytes() {
    assertThat(load(Map.of()).tools())
        .isEqualTo(new ToolSettings("local", Duration.ofSeconds(300), 100_000, "python3", "node"));
  }

  @Test
  void reads_the_environment_and_the_config_file() throws IOException {
    Files.createDirectories(work.resolve(".cogent"));
    Files.writeString(
        work.resolve(".cogent/config.yaml"),
        "tools:\n  execute_timeout_seconds: 60\n  max_output_bytes: 5000\n");

    ToolSettings tools = load(Map.of("COGENT_SANDBOX_BACKEND", "bubblewrap")).tools();

    assertThat(tools)
        .isEqualTo(new ToolSettings("bubblewrap", Duration.ofSeconds(60), 5000, "python3", "node"));
  }

  @Test
  void an_unknown_sandbox_stops_start_up_naming_the_variable() {
    assertThatThrownBy(() -> load(Map.of("COGENT_SANDBOX_BACKEND", "docker")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("tools.sandbox")
        .hasMessageContaining("COGENT_SANDBOX_BACKEND")
        .hasMessageContaining("local, bubblewrap");
  }

  @Test
  void limits_are_checked() {
    assertThatThrownBy(() -> load(Map.of("COGENT_EXECUTE_TIMEOUT_SECONDS", "0")))
        .hasMessageContaining("tools.execute_timeout_seconds")
        .hasMessageContaining("COGENT_EXECUTE_TIMEOUT_SECONDS")
        .hasMessageContaining("must be at least 1");
    assertThatThrownBy(() -> load(Map.of("COGENT_TOOL_MAX_OUTPUT_BYTES", "10")))
        .hasMessageContaining("tools.max_output_bytes")
        .hasMessageContaining("must be at least 1024");
  }

  @Test
  void interpreter_paths_come_from_the_environment_or_the_config_file() throws IOException {
    Files.createDirectories(work.resolve(".cogent"));
    Files.writeString(
        work.resolve(".cogent/config.yaml"), "tools:\n  node_path: /opt/node-20/bin/node\n");

    ToolSettings tools = load(Map.of("COGENT_PYTHON_PATH", "/opt/python/bin/python3")).tools();

    assertThat(tools.pythonPath()).isEqualTo("/opt/python/bin/python3");
    assertThat(tools.nodePath()).isEqualTo("/opt/node-20/bin/node");
  }

  @Test
  void a_relative_interpreter_path_stops_start_up() {
    assertThatThrownBy(() -> load(Map.of("COGENT_PYTHON_PATH", "venv/bin/python3")))
        .hasMessageContaining("tools.python_path")
        .hasMessageContaining("COGENT_PYTHON_PATH")
        .hasMessageContaining("absolute path");
  }

  @Test
  void tools_cannot_be_changed_at_runtime() {
    assertThat(SettingKey.TOOLS_SANDBOX.isPatchable()).isFalse();
  }

  @Test
  void with_tools_replaces_only_the_tools() {
    Settings settings = load(Map.of());
    ToolSettings other =
        new ToolSettings("bubblewrap", Duration.ofSeconds(5), 2048, "python3", "node");

    Settings changed = settings.withTools(other);

    assertThat(changed.tools()).isEqualTo(other);
    assertThat(changed.withTools(settings.tools())).isEqualTo(settings);
  }
}
