package dev.cogent.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.CogentServer;
import dev.cogent.settings.SettingsLoader;
import dev.cogent.settings.SettingsSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK against a real server on a free port. */
class CogentClientIT {

  @TempDir Path dir;
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-03-02T12:00:00Z"));
  private final InstantSource clock = now::get;
  private final List<Duration> waits = new ArrayList<>();
  private CogentServer server;

  private CogentClient start(Map<String, String> env) throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path project = Files.createDirectories(dir.resolve("project"));
    var settings =
        new SettingsLoader()
            .load(
                new SettingsSources(
                    home,
                    project,
                    env,
                    Map.of("port", "0", "data-dir", dir.resolve("data").toString())));
    server = CogentServer.start(settings, clock);
    // Waiting between retries moves the server's clock instead of sleeping.
    return CogentClient.builder(server.url())
        .sleeper(
            duration -> {
              waits.add(duration);
              now.updateAndGet(t -> t.plus(duration));
            })
        .build();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void manages_sessions() throws Exception {
    CogentClient cogent = start(Map.of("COGENT_RATE_LIMIT_BURST", "1000"));

    Session created =
        cogent
            .sessions()
            .create(
                SessionRequest.builder()
                    .title("Review")
                    .metadata(Map.of("repository", "myorg/myrepo"))
                    .build());
    Session renamed =
        cogent
            .sessions()
            .update(
                created.id(),
                SessionRequest.builder().title("Renamed").agentName("readonly").build());
    SessionPage page = cogent.sessions().list(Map.of("repository", "myorg/myrepo"), 10, 0);

    assertThat(created.agentName()).isEqualTo("default");
    assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
    assertThat(renamed.title()).isEqualTo("Renamed");
    assertThat(cogent.sessions().get(created.id()).agentName()).isEqualTo("readonly");
    assertThat(page.total()).isEqualTo(1);
    assertThat(page.sessions()).extracting(Session::id).containsExactly(created.id());

    cogent.sessions().delete(created.id());
    assertThatThrownBy(() -> cogent.sessions().get(created.id()))
        .isInstanceOfSatisfying(
            CogentException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.code()).isEqualTo("SESSION_NOT_FOUND");
              assertThat(e.requestId()).isNotBlank();
            });
  }

  @Test
  void validation_errors_carry_the_envelope_details() throws Exception {
    CogentClient cogent = start(Map.of("COGENT_RATE_LIMIT_BURST", "1000"));

    assertThatThrownBy(
            () -> cogent.sessions().create(SessionRequest.builder().agentName("ghost").build()))
        .isInstanceOfSatisfying(
            CogentException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
              assertThat(e.details().get("errors").toString()).contains("agent_name");
            });
  }

  @Test
  void retries_after_429_honouring_retry_after() throws Exception {
    CogentClient cogent =
        start(Map.of("COGENT_RATE_LIMIT_PER_MINUTE", "60", "COGENT_RATE_LIMIT_BURST", "1"));

    cogent.sessions().list(10, 0);
    SessionPage second = cogent.sessions().list(10, 0);

    assertThat(second.total()).isZero();
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void gives_up_after_the_configured_retries() throws Exception {
    CogentClient cogent =
        start(Map.of("COGENT_RATE_LIMIT_PER_MINUTE", "1", "COGENT_RATE_LIMIT_BURST", "1"));
    CogentClient impatient = CogentClient.builder(server.url()).maxRetries(0).build();

    cogent.health();
    impatient.sessions().list(10, 0);
    assertThatThrownBy(() -> impatient.sessions().list(10, 0))
        .isInstanceOfSatisfying(
            CogentException.class, e -> assertThat(e.code()).isEqualTo("RATE_LIMITED"));
  }

  @Test
  void patches_and_rolls_back_the_config() throws Exception {
    CogentClient cogent = start(Map.of("COGENT_RATE_LIMIT_BURST", "1000"));

    ConfigChange change = cogent.config().patch(Map.of("rate_limit", Map.of("per_minute", 120)));
    assertThat(change.updated()).isTrue();
    assertThat(cogent.config().get().path("rate_limit").path("per_minute").asInt()).isEqualTo(120);

    cogent.config().rollback();
    assertThat(cogent.config().get().path("rate_limit").path("per_minute").asInt()).isEqualTo(60);
    assertThat(cogent.health().status()).isEqualTo("healthy");
  }
}
