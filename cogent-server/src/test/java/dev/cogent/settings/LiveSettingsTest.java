package dev.cogent.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LiveSettingsTest {

  private static Settings withBurst(int burst) {
    return new Settings(
        Path.of("/p"),
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
        new StoreSettings(Path.of("/p/.cogent"), null, null, null, 10),
        new ScopingSettings(false, List.of("user")),
        new RateLimitSettings(60, burst),
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

  @Test
  void replace_makes_the_new_settings_current_for_every_thread() {
    LiveSettings live = new LiveSettings(withBurst(1));

    live.replace(withBurst(2));

    assertThat(CompletableFuture.supplyAsync(() -> live.current().rateLimit().burst()))
        .succeedsWithin(Duration.ofSeconds(5))
        .isEqualTo(2);
  }

  @Test
  void listeners_are_called_in_order_and_a_failing_one_does_not_stop_the_others() {
    LiveSettings live = new LiveSettings(withBurst(1));
    List<String> calls = new ArrayList<>();
    live.addListener(settings -> calls.add("first " + settings.rateLimit().burst()));
    live.addListener(
        settings -> {
          throw new IllegalStateException("boom");
        });
    live.addListener(settings -> calls.add("third " + settings.rateLimit().burst()));

    live.replace(withBurst(5));

    assertThat(calls).containsExactly("first 5", "third 5");
    assertThat(live.current().rateLimit().burst()).isEqualTo(5);
  }

  @Test
  void null_settings_are_rejected() {
    assertThatThrownBy(() -> new LiveSettings(null)).isInstanceOf(IllegalArgumentException.class);
    LiveSettings live = new LiveSettings(withBurst(1));
    assertThatThrownBy(() -> live.replace(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(live.current().rateLimit().burst()).isEqualTo(1);
  }
}
