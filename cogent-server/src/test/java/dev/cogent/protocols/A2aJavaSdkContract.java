package dev.cogent.protocols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import io.a2a.A2A;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.http.A2ACardResolver;
import io.a2a.client.http.JdkA2AHttpClient;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.spec.AgentCard;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The A2A endpoint spoken to by a client nobody here wrote: the a2a-java SDK's card resolver and
 * JSON-RPC client against the real server, an exposed agent on the scripted mock model. Whatever
 * the SDK cannot parse is a bug of our wire format. Runs on SQLite and PostgreSQL.
 */
abstract class A2aJavaSdkContract {

  static final String AGENT = "sdk-agent";

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;
  AgentCard card;
  final List<Client> clients = new CopyOnWriteArrayList<>();

  abstract DatabaseKind kind();

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(kind(), dir, Map.of(), clock);
    HttpResponse<String> created =
        server.post(
            "/agents",
            "{\"name\": \""
                + AGENT
                + "\", \"description\": \"Answers over A2A\", \"system_prompt\": \"Help.\","
                + " \"model\": \"mock:scripted\", \"a2a_exposed\": true,"
                + " \"interrupt_on\": {\"ls\": true}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    card =
        new A2ACardResolver(
                new JdkA2AHttpClient(),
                server.uri("/a2a/" + AGENT + "/").toString(),
                ".well-known/agent-card.json")
            .getAgentCard();
  }

  @AfterEach
  void stop() {
    clients.forEach(Client::close);
    server.close();
  }

  Client client(boolean streaming) throws Exception {
    Client client =
        Client.builder(card)
            .withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
            .clientConfig(new ClientConfig.Builder().setStreaming(streaming).build())
            .build();
    clients.add(client);
    return client;
  }

  /** Sends one blocking message and returns the task the SDK parsed from the answer. */
  static Task send(Client client, Message message) throws Exception {
    CompletableFuture<Task> task = new CompletableFuture<>();
    client.sendMessage(
        message,
        List.of(
            (event, agentCard) -> {
              if (event instanceof TaskEvent taskEvent) {
                task.complete(taskEvent.getTask());
              } else {
                task.completeExceptionally(new AssertionError("not a task: " + event));
              }
            }),
        task::completeExceptionally,
        null);
    return task.get(30, TimeUnit.SECONDS);
  }

  /**
   * The client events of one streamed message. The SDK drops the connection itself once it has the
   * final update (and reports that to the error handler), so only an error before the final update
   * is a failure of the stream.
   */
  record Streamed(List<ClientEvent> events, List<Throwable> errorsBeforeFinal) {
    Streamed() {
      this(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    }

    void onError(Throwable error) {
      if (error != null && !hasFinal()) {
        errorsBeforeFinal.add(error);
      }
    }

    boolean hasFinal() {
      return events.stream()
          .anyMatch(
              event ->
                  event instanceof TaskUpdateEvent update
                      && update.getUpdateEvent() instanceof TaskStatusUpdateEvent status
                      && status.isFinal());
    }

    /** Waits for the final update; fails at once on an error before it. */
    Streamed awaitFinal() {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> hasFinal() || !errorsBeforeFinal.isEmpty());
      assertThat(errorsBeforeFinal).as("stream errors before the final update").isEmpty();
      return this;
    }

    List<TaskState> states() {
      return events.stream()
          .map(
              event ->
                  event instanceof TaskEvent taskEvent
                      ? taskEvent.getTask().getStatus().state()
                      : ((TaskStatusUpdateEvent) ((TaskUpdateEvent) event).getUpdateEvent())
                          .getStatus()
                          .state())
          .toList();
    }
  }

  static Streamed stream(Client client, Message message) throws Exception {
    Streamed streamed = new Streamed();
    client.sendMessage(
        message,
        List.of((event, agentCard) -> streamed.events().add(event)),
        streamed::onError,
        null);
    return streamed;
  }

  static String text(Message message) {
    assertThat(message).as("the status message").isNotNull();
    return ((TextPart) message.getParts().get(0)).getText();
  }

  @Test
  void the_sdk_card_resolver_reads_the_agents_card() {
    assertThat(card.name()).isEqualTo(AGENT);
    assertThat(card.description()).isEqualTo("Answers over A2A");
    assertThat(card.url()).isEqualTo(server.uri("/a2a/" + AGENT).toString());
    assertThat(card.capabilities().streaming()).isTrue();
    assertThat(card.capabilities().pushNotifications()).isFalse();
    assertThat(card.preferredTransport()).isEqualTo("JSONRPC");
    assertThat(card.protocolVersion()).isEqualTo("0.3.0");
    assertThat(card.defaultInputModes()).containsExactly("text/plain");
  }

  @Test
  void a_blocking_message_answers_the_completed_task_and_tasks_get_reads_it() throws Exception {
    Client client = client(false);
    Task task = send(client, A2A.toUserMessage("hello there"));

    assertThat(task.getStatus().state()).isEqualTo(TaskState.COMPLETED);
    assertThat(text(task.getStatus().message())).isEqualTo("Echo: hello there");
    assertThat(task.getContextId()).isNotBlank();

    Task got = client.getTask(new TaskQueryParams(task.getId()));
    assertThat(got.getId()).isEqualTo(task.getId());
    assertThat(got.getContextId()).isEqualTo(task.getContextId());
    assertThat(got.getStatus().state()).isEqualTo(TaskState.COMPLETED);
    assertThat(text(got.getStatus().message())).isEqualTo("Echo: hello there");
  }

  @Test
  void a_streamed_message_yields_the_task_then_status_updates_ending_completed() throws Exception {
    Client client = client(true);
    Streamed streamed = stream(client, A2A.toUserMessage("/reply all good"));

    streamed.awaitFinal();
    assertThat(streamed.states())
        .containsExactly(
            TaskState.SUBMITTED,
            TaskState.WORKING,
            TaskState.WORKING,
            TaskState.WORKING,
            TaskState.COMPLETED);
    assertThat(streamed.events().get(0)).isInstanceOf(TaskEvent.class);
    TaskUpdateEvent last = (TaskUpdateEvent) streamed.events().get(streamed.events().size() - 1);
    TaskStatusUpdateEvent update = (TaskStatusUpdateEvent) last.getUpdateEvent();
    assertThat(update.isFinal()).isTrue();
    assertThat(text(update.getStatus().message())).isEqualTo("all good");
    assertThat(last.getTask().getStatus().state()).isEqualTo(TaskState.COMPLETED);
    assertThat(last.getTask().getId())
        .isEqualTo(((TaskEvent) streamed.events().get(0)).getTask().getId());
  }

  @Test
  void an_interrupt_is_input_required_and_a_reply_in_the_context_continues_the_same_task()
      throws Exception {
    Client client = client(false);
    Task paused = send(client, A2A.toUserMessage("/tool ls {}\n/reply listed it"));

    assertThat(paused.getStatus().state()).isEqualTo(TaskState.INPUT_REQUIRED);
    assertThat(text(paused.getStatus().message())).contains("'ls'").contains("approve");

    Task resumed =
        send(client, A2A.createUserTextMessage("approve", paused.getContextId(), paused.getId()));

    assertThat(resumed.getId()).isEqualTo(paused.getId());
    assertThat(resumed.getContextId()).isEqualTo(paused.getContextId());
    assertThat(resumed.getStatus().state()).isEqualTo(TaskState.COMPLETED);
    assertThat(text(resumed.getStatus().message())).isEqualTo("listed it");
    assertThat(client.getTask(new TaskQueryParams(paused.getId())).getStatus().state())
        .isEqualTo(TaskState.COMPLETED);
  }

  @Test
  void a_streamed_reply_that_declines_continues_the_task_to_its_end() throws Exception {
    Task paused = send(client(false), A2A.toUserMessage("/tool ls {}"));
    assertThat(paused.getStatus().state()).isEqualTo(TaskState.INPUT_REQUIRED);

    Streamed streamed =
        stream(
            client(true),
            A2A.createUserTextMessage("no, not now", paused.getContextId(), paused.getId()));

    streamed.awaitFinal();
    assertThat(streamed.states()).first().isEqualTo(TaskState.WORKING);
    assertThat(streamed.states()).last().isEqualTo(TaskState.COMPLETED);
    TaskUpdateEvent last = (TaskUpdateEvent) streamed.events().get(streamed.events().size() - 1);
    assertThat(last.getTask().getId()).isEqualTo(paused.getId());
    // The script ran out after the declined call's result: the mock's closing answer.
    assertThat(text(last.getTask().getStatus().message())).isEqualTo("Done.");
  }

  @Test
  void tasks_cancel_cancels_a_running_streamed_task() throws Exception {
    Client client = client(true);
    Streamed streamed = stream(client, A2A.toUserMessage("/sleep 60000\n/reply too late"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !streamed.events().isEmpty());
    String taskId = ((TaskEvent) streamed.events().get(0)).getTask().getId();

    Task cancelled = client.cancelTask(new TaskIdParams(taskId));

    assertThat(cancelled.getId()).isEqualTo(taskId);
    assertThat(cancelled.getStatus().state()).isEqualTo(TaskState.CANCELED);
    streamed.awaitFinal();
    assertThat(streamed.states()).last().isEqualTo(TaskState.CANCELED);
    assertThat(client.getTask(new TaskQueryParams(taskId)).getStatus().state())
        .isEqualTo(TaskState.CANCELED);
  }
}
