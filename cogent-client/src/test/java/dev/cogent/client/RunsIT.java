package dev.cogent.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.TestServer;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages as typed event streams, resume, abort, runs and the event log, on a real server. */
class RunsIT {

  @TempDir Path dir;
  private TestServer server;
  private CogentClient cogent;

  @BeforeEach
  void start() {
    server = TestServer.start(DatabaseKind.SQLITE, dir, Map.of(), InstantSource.system());
    cogent = CogentClient.builder(server.uri("").toString()).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Session mockSession(String agent) {
    return cogent
        .sessions()
        .create(
            SessionRequest.builder()
                .agentName(agent)
                .config(SessionConfig.model("mock", "scripted"))
                .build());
  }

  private static List<RunEvent> drain(EventStream stream) {
    List<RunEvent> events = new ArrayList<>();
    stream.forEach(events::add);
    return events;
  }

  @Test
  void streams_a_run_as_typed_events_and_logs_them() {
    Session session = mockSession("default");

    List<RunEvent> events =
        drain(cogent.sessions().send(session.id(), MessageRequest.of("/reply hello typed world")));

    String text =
        events.stream()
            .filter(RunEvent.Token.class::isInstance)
            .map(e -> ((RunEvent.Token) e).content())
            .collect(Collectors.joining());
    assertThat(text.replace(" ", "")).isEqualTo("hellotypedworld");
    assertThat(events)
        .last()
        .isInstanceOfSatisfying(
            RunEvent.Done.class,
            done -> assertThat(done.assistantData().content()).isEqualTo("hello typed world"));
    assertThat(events).anyMatch(RunEvent.Usage.class::isInstance);

    EventPage logged = cogent.sessions().events(session.id(), 0, 100);
    assertThat(logged.events())
        .extracting(LoggedEvent::sequence)
        .containsExactlyElementsOf(events.stream().map(RunEvent::sequence).toList());
    assertThat(logged.events().get(0).toEvent()).isEqualTo(events.get(0));

    RunPage runs = cogent.sessions().runs(session.id(), 10, 0);
    assertThat(runs.runs())
        .singleElement()
        .satisfies(run -> assertThat(run.status()).isEqualTo("completed"));
    Run run = cogent.sessions().run(session.id(), runs.runs().get(0).id());
    assertThat(run.lastSequence()).isEqualTo(events.get(events.size() - 1).sequence());

    MessagePage messages = cogent.sessions().messages(session.id(), 10, 0);
    assertThat(messages.messages()).extracting(Message::role).containsExactly("user", "assistant");
    assertThat(cogent.sessions().message(session.id(), messages.messages().get(1).id()).content())
        .isEqualTo("hello typed world");
  }

  @Test
  void interrupts_and_resumes_with_an_approval() {
    cogent
        .agents()
        .create(
            AgentRequest.named("careful")
                .withMode("primary")
                .withInterruptOn(Map.of("write_file", true)));
    Session session = mockSession("careful");

    List<RunEvent> first =
        drain(
            cogent
                .sessions()
                .send(
                    session.id(),
                    MessageRequest.of(
                        "/tool write_file {\"file_path\": \"notes.txt\", \"content\": \"hi\"}\n/reply written")));

    RunEvent.Interrupt interrupt = (RunEvent.Interrupt) first.get(first.size() - 1);
    assertThat(interrupt.toolName()).isEqualTo("write_file");
    assertThat(interrupt.args()).containsEntry("file_path", "notes.txt");
    assertThat(cogent.sessions().get(session.id()).status()).isEqualTo("waiting_for_approval");

    List<RunEvent> resumed =
        drain(cogent.sessions().resume(session.id(), Decision.approve(interrupt)));

    assertThat(resumed)
        .anySatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        RunEvent.ToolResult.class,
                        result -> assertThat(result.exitCode()).isZero()));
    assertThat(resumed).last().isInstanceOf(RunEvent.Done.class);
    assertThat(resumed.get(0).sequence()).isGreaterThan(interrupt.sequence());
    assertThatThrownBy(() -> cogent.sessions().resume(session.id(), Decision.approve(interrupt)))
        .isInstanceOfSatisfying(CogentException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void aborts_a_running_run() {
    Session session = mockSession("default");
    try (EventStream stream =
        cogent.sessions().send(session.id(), MessageRequest.of("/sleep 60000\n/reply late"))) {
      assertThat(stream.hasNext()).isTrue();
      stream.next();
      cogent.sessions().abort(session.id());
      List<RunEvent> rest = drain(stream);

      assertThat(rest)
          .last()
          .isInstanceOfSatisfying(
              RunEvent.Error.class, error -> assertThat(error.code()).isEqualTo("ABORTED"));
    }
  }

  @Test
  void a_second_message_while_a_run_is_active_is_refused() {
    Session session = mockSession("default");
    try (EventStream stream =
        cogent.sessions().send(session.id(), MessageRequest.of("/sleep 60000\n/reply late"))) {
      stream.next();
      assertThatThrownBy(() -> cogent.sessions().send(session.id(), MessageRequest.of("again")))
          .isInstanceOfSatisfying(
              CogentException.class, e -> assertThat(e.code()).isEqualTo("SESSION_BUSY"));
      cogent.sessions().abort(session.id());
    }
  }
}
