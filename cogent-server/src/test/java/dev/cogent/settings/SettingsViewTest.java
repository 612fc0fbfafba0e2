package dev.cogent.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsViewTest {

  private static Settings settings(String databaseUrl, String password, String otelEndpoint) {
    return new Settings(
        Path.of("/srv/app"),
        new ServerSettings(
            "0.0.0.0",
            8080,
            "debug",
            1024,
            Duration.ofSeconds(5),
            false,
            false,
            Duration.ofSeconds(60),
            Duration.ofSeconds(15)),
        new StoreSettings(Path.of("/srv/app/.cogent"), databaseUrl, "ann", password, 10),
        new ScopingSettings(true, List.of("user", "project")),
        new RateLimitSettings(120, 20),
        new ObservabilitySettings(
            true, 9464, otelEndpoint, false, 3, Duration.ofSeconds(30), Duration.ofSeconds(30)),
        new MlflowSettings(true, "exp"),
        new ToolSettings("local", Duration.ofSeconds(300), 100_000, "python3", "node"),
        RuntimeSettings.withSecret("hunter2"),
        new AuthSettings(
            false,
            "a-jwt-secret-of-at-least-32-bytes",
            60,
            false,
            15,
            AuthSettings.DEFAULT_PASSWORD_HASH_MEMORY_KIB),
        A2aSettings.DEFAULTS,
        ModelSettings.DEFAULTS,
        McpSettings.DEFAULTS,
        MemorySettings.DEFAULTS);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> view, String name) {
    return (Map<String, Object>) view.get(name);
  }

  @Test
  void the_view_has_the_spec_shape_in_order() {
    Map<String, Object> view = SettingsView.redactedView(settings(null, null, null));

    assertThat(view.keySet())
        .containsExactly(
            "server", "llm", "rate_limit", "observability", "mlflow", "store", "scoping");
    assertThat(view.get("server"))
        .isEqualTo(
            Map.of("host", "0.0.0.0", "port", 8080, "log_level", "debug", "scoping_enabled", true));
    assertThat(view.get("llm")).isEqualTo(Map.of("available_providers", List.of()));
    assertThat(view.get("rate_limit")).isEqualTo(Map.of("per_minute", 120, "burst", 20));
    assertThat(section(view, "observability"))
        .containsExactly(
            entry("otel_enabled", true),
            entry("metrics_port", 9464),
            entry("otel_endpoint", null),
            entry("tracing_enabled", false),
            entry("breaker_failure_threshold", 3),
            entry("breaker_open_seconds", 30),
            entry("breaker_probe_timeout_seconds", 30));
    assertThat(view.get("mlflow")).isEqualTo(Map.of("enabled", true, "experiment_name", "exp"));
    assertThat(section(view, "store"))
        .containsExactly(entry("backend", "sqlite"), entry("database_url", null));
    assertThat(view.get("scoping"))
        .isEqualTo(Map.of("enabled", true, "keys", List.of("user", "project")));
  }

  @Test
  void the_view_cannot_be_modified() {
    Map<String, Object> view = SettingsView.redactedView(settings(null, null, null));

    assertThatThrownBy(() -> view.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void no_secret_appears_anywhere_in_the_view() {
    Map<String, Object> view =
        SettingsView.redactedView(
            settings(
                "jdbc:postgresql://ann:pw-in-url@db:5432/cogent?sslmode=require&password=pw-param",
                "pw-field",
                "https://user:pw-otel@otel.example:4318/v1"));

    assertThat(view.toString()).doesNotContain("pw-in-url", "pw-param", "pw-field", "pw-otel");
    assertThat(section(view, "store"))
        .containsEntry("backend", "postgresql")
        .containsEntry(
            "database_url", "jdbc:postgresql://db:5432/cogent?sslmode=require&password=***");
    assertThat(section(view, "observability"))
        .containsEntry("otel_endpoint", "https://otel.example:4318/v1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://db/cogent | jdbc:postgresql://db/cogent",
        "jdbc:postgresql://ann:secret@db/cogent | jdbc:postgresql://db/cogent",
        "jdbc:postgresql://ann@db/cogent | jdbc:postgresql://db/cogent",
        "jdbc:postgresql://db/c?user=ann&password=secret |"
            + " jdbc:postgresql://db/c?user=ann&password=***",
        "jdbc:postgresql://db/c?PASSWORD=secret&ssl=true |"
            + " jdbc:postgresql://db/c?PASSWORD=***&ssl=true",
        "jdbc:postgresql://db/c?sslpassword=secret | jdbc:postgresql://db/c?sslpassword=***",
        "jdbc:sqlite:/data/cogent.db | jdbc:sqlite:/data/cogent.db",
      })
  void urls_lose_their_credentials(String url, String redacted) {
    assertThat(SettingsView.redactUrl(url)).isEqualTo(redacted);
  }

  @ParameterizedTest
  @CsvSource({
    "jdbc:postgresql://db/cogent, postgresql",
    "postgresql://db/cogent, postgresql",
    "jdbc:sqlite:/tmp/x.db, sqlite",
  })
  void the_backend_follows_the_database_url(String url, String backend) {
    Map<String, Object> view = SettingsView.redactedView(settings(url, null, null));

    assertThat(section(view, "store")).containsEntry("backend", backend);
  }

  @Test
  void display_values_mask_every_secret_key() {
    Settings settings = settings("jdbc:postgresql://a:b@db/x", "hunter2", null);

    for (SettingKey key : SettingKey.values()) {
      if (key.isSecret()) {
        assertThat(key.displayValue(settings)).isEqualTo("***");
      }
      assertThat(String.valueOf(key.displayValue(settings))).doesNotContain("hunter2", "a:b@");
    }
  }
}
