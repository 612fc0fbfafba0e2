package dev.cogent.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run's stream survives a dropped connection: the SDK re-attaches with {@code Last-Event-ID} and
 * delivers every event exactly once.
 */
class StreamReattachIT {

  @TempDir Path dir;
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(DatabaseKind.SQLITE, dir, Map.of(), InstantSource.system());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "cut after the frame with {0}")
  @ValueSource(strings = {"event: token", "retry: 3000"})
  void a_cut_connection_is_reattached_and_every_event_arrives_once(String marker) throws Exception {
    try (CuttingProxy proxy = new CuttingProxy(server.uri("").getPort(), marker)) {
      CogentClient cogent =
          CogentClient.builder(proxy.url()).initialBackoff(Duration.ofMillis(1)).build();
      Session session =
          cogent
              .sessions()
              .create(
                  SessionRequest.builder().config(SessionConfig.model("mock", "scripted")).build());

      List<RunEvent> events = new ArrayList<>();
      int reattaches;
      try (EventStream stream =
          cogent
              .sessions()
              .send(
                  session.id(),
                  MessageRequest.of("/reply one two three four five six seven eight nine ten"))) {
        stream.forEach(events::add);
        reattaches = stream.reattaches();
      }

      assertThat(proxy.hasCut()).isTrue();
      assertThat(reattaches).isEqualTo(1);
      List<Long> sequences = events.stream().map(RunEvent::sequence).toList();
      List<Long> logged =
          cogent.sessions().events(session.id(), 0, 1000).events().stream()
              .map(LoggedEvent::sequence)
              .toList();
      assertThat(sequences)
          .containsExactlyElementsOf(logged)
          .containsExactlyElementsOf(
              LongStream.rangeClosed(logged.get(0), logged.get(logged.size() - 1))
                  .boxed()
                  .toList());
      assertThat(events).last().isInstanceOf(RunEvent.Done.class);
      assertThat(events).filteredOn(RunEvent.Done.class::isInstance).hasSize(1);
    }
  }
}
