package dev.cogent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.llm.ChatModels;
import dev.cogent.llm.ModelFacts;
import dev.cogent.llm.ModelResolver;
import dev.cogent.llm.ProviderService;
import dev.cogent.llm.ProviderSpec;
import dev.cogent.registry.AgentService;
import dev.cogent.registry.AgentSpec;
import dev.cogent.registry.Registry;
import dev.cogent.registry.RegistryEvents;
import dev.cogent.registry.RegistryKind;
import dev.cogent.registry.SkillService;
import dev.cogent.registry.SkillSpec;
import dev.cogent.scope.Scope;
import dev.cogent.session.EventLog;
import dev.cogent.session.LoggedEvent;
import dev.cogent.session.MessageService;
import dev.cogent.session.RunCheckpoints;
import dev.cogent.session.RunPage;
import dev.cogent.session.RunService;
import dev.cogent.session.RunStatus;
import dev.cogent.session.Session;
import dev.cogent.session.SessionConfig;
import dev.cogent.session.SessionRequests;
import dev.cogent.session.SessionService;
import dev.cogent.settings.RuntimeSettings;
import dev.cogent.settings.StoreSettings;
import dev.cogent.store.Database;
import dev.cogent.testing.Agents;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.Observation;
import dev.cogent.tools.Cancellation;
import dev.cogent.tools.Tool;
import dev.cogent.tools.ToolCancelledException;
import dev.cogent.tools.ToolContext;
import dev.cogent.tools.ToolResult;
import dev.cogent.tools.Workspaces;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent loop with fake tools of its own, on the real store and the scripted mock model. */
class AgentRuntimeTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private final Json json = new Json();
  private final EchoTool echo = new EchoTool();
  private final BlockingTool blocking = new BlockingTool();
  private final ContextTool whoami = new ContextTool();
  private Database database;
  private ExecutorService executor;
  private EventLog events;

  /** Runs the commits of events that waited for others to join them. */
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  private RunService runs;
  private AgentRuntime runtime;
  private SessionService sessions;
  private MessageService messages;
  private Session session;

  @BeforeEach
  void open() {
    database =
        Database.open(
            new StoreSettings(dir, DatabaseKind.SQLITE.newDatabaseUrl(dir), null, null, 4));
    executor = Executors.newCachedThreadPool();
    sessions =
        new SessionService(
            database, json, Agents.directory(database, json, clock, dir), s -> List.of(), clock);
    events = new EventLog(database, json, clock, timer);
    messages = new MessageService(database, json, sessions);
    runs = new RunService(database, json, sessions, messages, events, clock);
    var scheduler = Executors.newSingleThreadScheduledExecutor();
    var registry = new RegistryEvents();
    runtime =
        new AgentRuntime(
            sessions,
            runs,
            new RunCheckpoints(database, events, clock),
            events,
            new ModelResolver(
                new ProviderService(
                    new Registry<>(
                        RegistryKind.PROVIDER,
                        ProviderSpec.class,
                        database,
                        json,
                        new RegistryEvents(),
                        clock)),
                (name, scope) -> Optional.empty(),
                new ChatModels(
                    Map.of(),
                    new dev.cogent.Json().mapper(),
                    scheduler,
                    Duration.ofMillis(10),
                    Observation.untraced(),
                    Observation.breakers(clock))),
            new AgentLoop(
                messages,
                new AgentService(
                    new Registry<>(
                        RegistryKind.AGENT, AgentSpec.class, database, json, registry, clock),
                    json),
                new SkillService(
                    new Registry<>(
                        RegistryKind.SKILL, SkillSpec.class, database, json, registry, clock),
                    dir,
                    json),
                List.of(echo, blocking, new ThrowingTool(), whoami),
                scope -> List.of(),
                new Workspaces(dir.resolve("workspaces")),
                dir,
                RuntimeSettings.withSecret(null),
                new PricedCatalog(),
                Observation.untraced(),
                json,
                clock),
            executor,
            new CallbackSender(
                HttpClient.newHttpClient(), scheduler, json, null, Duration.ofMillis(10)),
            json,
            Observation.untraced());
    session =
        sessions.create(
            new SessionRequests.Create(
                null, null, null, new SessionConfig(null, "mock", "m", null, null, null)),
            Scope.GLOBAL);
  }

  @AfterEach
  void close() throws InterruptedException {
    executor.shutdownNow();
    timer.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
    database.close();
  }

  private List<LoggedEvent> runToEnd(String script) {
    var started =
        runtime.send(session.id(), Scope.GLOBAL, new MessageRequest(script, null, null, null));
    await().atMost(WAIT).until(() -> terminal(started.afterSequence()) != null);
    return events.readAfter(session.id(), started.afterSequence(), 1000);
  }

  private LoggedEvent terminal(long after) {
    return events.readAfter(session.id(), after, 1000).stream()
        .filter(LoggedEvent::isTerminal)
        .findFirst()
        .orElse(null);
  }

  private static List<LoggedEvent> ofType(List<LoggedEvent> log, String type) {
    return log.stream().filter(e -> e.event().equals(type)).toList();
  }

  @Test
  void a_fake_tool_gets_its_arguments_and_its_exit_code_reaches_the_event() {
    List<LoggedEvent> log =
        runToEnd("/tool echo {\"text\": \"hi\"}\n/tool echo {\"text\": \"fail\"}\n/reply ok");

    List<LoggedEvent> calls = ofType(log, "tool_call");
    List<LoggedEvent> results = ofType(log, "tool_result");
    assertThat(calls.get(0).data().get("args")).isEqualTo(Map.of("text", "hi"));
    assertThat(results.get(0).data())
        .containsEntry("output", "got: hi")
        .containsEntry("exit_code", 0)
        .containsEntry("tool_call_id", calls.get(0).data().get("id"));
    assertThat(results.get(1).data()).containsEntry("exit_code", 3);
    assertThat(log.get(log.size() - 1).event()).isEqualTo("done");
    assertThat(echo.calls).hasValue(2);
  }

  @Test
  void invalid_arguments_go_back_to_the_model_without_calling_the_tool() {
    List<LoggedEvent> log = runToEnd("/tool echo {\"text\": 5, \"extra\": true}\n/reply fixed");

    LoggedEvent result = ofType(log, "tool_result").get(0);
    assertThat(result.data()).containsEntry("exit_code", 1);
    assertThat((String) result.data().get("output"))
        .contains("text must be a string", "extra is not a known argument");
    assertThat(echo.calls).hasValue(0);
    assertThat(log.get(log.size() - 1).event()).isEqualTo("done");
  }

  @Test
  void trusted_ids_replace_what_the_model_wrote_and_reach_the_tool_context() {
    List<LoggedEvent> log =
        runToEnd(
            "/tool whoami {\"session_id\": \"someone-else\", \"scope\": \"user=mallory\","
                + " \"note\": \"hi\"}\n/reply ok");

    assertThat(ofType(log, "tool_result").get(0).data()).containsEntry("exit_code", 0);
    String runId = log.get(0).runId();
    assertThat(whoami.arguments.get())
        .containsEntry("session_id", session.id())
        .containsEntry("scope", Scope.GLOBAL.canonical())
        .containsEntry("run_id", runId)
        .containsEntry("note", "hi");
    assertThat(whoami.context.get().sessionId()).isEqualTo(session.id());
    assertThat(whoami.context.get().runId()).isEqualTo(runId);
    assertThat(whoami.context.get().scope()).isEqualTo(Scope.GLOBAL);
    // The event shows what the model asked for; only the tool sees the trusted values.
    assertThat(ofType(log, "tool_call").get(0).data().get("args"))
        .isEqualTo(Map.of("session_id", "someone-else", "scope", "user=mallory", "note", "hi"));
  }

  @Test
  void the_usage_event_has_the_catalog_cost_of_the_runs_tokens() {
    List<LoggedEvent> log = runToEnd("hello there");

    Map<String, Object> usage = ofType(log, "usage").get(0).data();
    int input = (Integer) usage.get("input_tokens");
    int output = (Integer) usage.get("output_tokens");
    assertThat(output).isEqualTo(3);
    assertThat(((Number) usage.get("estimated_cost")).doubleValue())
        .isCloseTo(input * 0.001 + output * 0.002, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void a_tool_that_throws_is_a_failed_result_and_the_run_goes_on() {
    List<LoggedEvent> log = runToEnd("/tool explode {}\n/reply recovered");

    assertThat(ofType(log, "tool_result").get(0).data())
        .containsEntry("exit_code", 1)
        .containsEntry("output", "Tool 'explode' failed: boom");
    assertThat(ofType(log, "done")).hasSize(1);
  }

  @Test
  void abort_cancels_a_running_tool_through_its_cancellation() {
    var started =
        runtime.send(
            session.id(), Scope.GLOBAL, new MessageRequest("/tool block {}", null, null, null));
    await().atMost(WAIT).until(() -> blocking.running.getCount() == 0);

    assertThat(runtime.abort(session.id(), Scope.GLOBAL)).isTrue();

    assertThat(blocking.cancelled).isTrue();
    LoggedEvent end = terminal(started.afterSequence());
    assertThat(end.event()).isEqualTo("error");
    assertThat(end.data()).containsEntry("code", "ABORTED");
    assertThat(runs.get(session.id(), started.run().id(), Scope.GLOBAL).status())
        .isEqualTo(RunStatus.ABORTED);
    assertThat(ofType(events.readAfter(session.id(), 0, 1000), "error")).hasSize(1);
  }

  @Test
  void every_run_has_exactly_one_terminal_event_even_when_aborted_twice() {
    var started =
        runtime.send(
            session.id(), Scope.GLOBAL, new MessageRequest("/sleep 60000", null, null, null));
    await().atMost(WAIT).until(() -> !events.readAfter(session.id(), 0, 10).isEmpty());

    runtime.abort(session.id(), Scope.GLOBAL);
    runtime.abort(session.id(), Scope.GLOBAL);

    assertThat(
            events.readAfter(session.id(), started.afterSequence(), 1000).stream()
                .filter(LoggedEvent::isTerminal))
        .hasSize(1);
  }

  @Test
  void a_paced_reply_streams_its_first_word_at_once_and_an_abort_cuts_the_pause_short() {
    var started =
        runtime.send(
            session.id(),
            Scope.GLOBAL,
            new MessageRequest("/pace 60000\n/reply one two three", null, null, null));
    await()
        .atMost(WAIT)
        .until(
            () ->
                events.readAfter(session.id(), started.afterSequence(), 100).stream()
                    .anyMatch(e -> e.event().equals("token")));

    runtime.abort(session.id(), Scope.GLOBAL);

    List<LoggedEvent> log = events.readAfter(session.id(), started.afterSequence(), 100);
    assertThat(
            log.stream().filter(e -> e.event().equals("token")).map(e -> e.data().get("content")))
        .containsExactly("one");
    assertThat(log.get(log.size() - 1).event()).isEqualTo("error");
    assertThat(log.get(log.size() - 1).data().get("code")).isEqualTo("ABORTED");
  }

  /** Occupies the store's writer until {@code release} counts down, after running {@code then}. */
  private void blockWriter(CountDownLatch release, java.util.function.Consumer<Handle> then)
      throws InterruptedException {
    CountDownLatch busy = new CountDownLatch(1);
    database.submit(
        handle -> {
          busy.countDown();
          try {
            release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          then.accept(handle);
          return null;
        },
        (ignored, failure) -> {});
    assertThat(busy.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  private List<Object> tokens(long after) {
    return ofType(events.readAfter(session.id(), after, 100), "token").stream()
        .map(e -> e.data().get("content"))
        .toList();
  }

  @Test
  void a_run_streams_before_its_start_is_committed_and_reads_of_its_session_wait_for_it()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    blockWriter(release, handle -> {});
    RunService.Started started;
    try {
      started =
          runtime.send(
              session.id(),
              Scope.GLOBAL,
              new MessageRequest("/pace 60000\n/reply one two", null, null, null));

      // The model had the message the store does not have yet: its script's first word is out.
      await().atMost(WAIT).until(() -> tokens(started.afterSequence()).contains("one"));
      assertThat(started.stored()).isNotDone();
      // The session's slot is taken before the start commits: a second start is refused at once.
      assertThatThrownBy(() -> runs.start(session, "again", null, null))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SESSION_BUSY));
      FutureTask<RunPage> read =
          new FutureTask<>(() -> runs.list(session.id(), Scope.GLOBAL, 10, 0));
      Thread reader = new Thread(read);
      reader.start();
      await().atMost(WAIT).until(() -> reader.getState() == Thread.State.TIMED_WAITING);

      release.countDown();

      assertThat(read.get(WAIT.toSeconds(), TimeUnit.SECONDS).runs())
          .extracting(run -> run.id() + " " + run.status())
          .containsExactly(started.run().id() + " " + RunStatus.RUNNING);
    } finally {
      release.countDown();
    }
    started.stored().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(messages.list(session.id(), Scope.GLOBAL, 10, 0).messages())
        .extracting(message -> message.content())
        .containsExactly("/pace 60000\n/reply one two");
    assertThat(runtime.abort(session.id(), Scope.GLOBAL)).isTrue();
    assertThat(terminal(started.afterSequence()).data()).containsEntry("code", "ABORTED");
  }

  @Test
  void a_run_whose_start_cannot_be_stored_stops_with_an_error_that_is_published_only()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    // Runs just before the start's transaction: the session's log moves on under it.
    blockWriter(
        release,
        handle ->
            handle.execute(
                "UPDATE sessions SET event_sequence = event_sequence + 5 WHERE id = ?",
                session.id()));
    RunService.Started started =
        runtime.send(
            session.id(),
            Scope.GLOBAL,
            new MessageRequest("/pace 60000\n/reply one two", null, null, null));
    try (var stream = events.subscribe(session.id(), started.afterSequence())) {
      await().atMost(WAIT).until(() -> tokens(started.afterSequence()).contains("one"));

      release.countDown();

      LoggedEvent last = null;
      for (var next = stream.next(WAIT); next.isPresent(); next = stream.next(WAIT)) {
        last = next.get();
        if (last.isTerminal()) {
          break;
        }
      }
      assertThat(last.event()).isEqualTo("error");
      assertThat(last.data()).containsEntry("code", "STREAMING_ERROR");
    } finally {
      release.countDown();
    }
    assertThat(started.stored()).isCompletedExceptionally();
    // Nothing of it is stored, and the session takes the next message.
    assertThat(runs.list(session.id(), Scope.GLOBAL, 10, 0).total()).isZero();
    assertThat(messages.list(session.id(), Scope.GLOBAL, 10, 0).total()).isZero();
    List<LoggedEvent> next = runToEnd("hello");
    assertThat(next.get(next.size() - 1).event()).isEqualTo("done");
  }

  @Test
  void a_long_run_near_a_small_context_window_summarizes_its_older_steps_and_goes_on() {
    session =
        sessions.create(
            new SessionRequests.Create(
                null,
                null,
                null,
                new SessionConfig(
                    null, "mock", PricedCatalog.SMALL_WINDOW_MODEL, null, null, null)),
            Scope.GLOBAL);
    String call = "/tool echo {\"text\": \"alpha beta gamma delta\", \"repeat\": 40}\n";

    List<LoggedEvent> log = runToEnd(call.repeat(5) + "/reply finished");

    // Every scripted call ran once, in order: the model found its place after each compaction.
    assertThat(echo.calls).hasValue(5);
    assertThat(ofType(log, "tool_result")).hasSize(5);
    assertThat(log.get(log.size() - 1).event()).isEqualTo("done");
    assertThat(log.get(log.size() - 1).data().get("assistant_data"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("content", "finished");
    List<LoggedEvent> summarized =
        ofType(log, "status").stream()
            .filter(e -> SummarizationMiddleware.STATUS.equals(e.data().get("status")))
            .toList();
    assertThat(summarized).isNotEmpty();
    // The user message and every step but the latest two (an assistant message and its tool
    // result each) are summarized.
    int first = log.indexOf(summarized.get(0));
    long stepsBefore =
        log.subList(0, first).stream().filter(e -> e.event().equals("tool_result")).count();
    assertThat(stepsBefore).isGreaterThan(SummarizationMiddleware.KEPT_STEPS);
    assertThat(summarized.get(0).data())
        .containsEntry(
            "summarized_messages",
            (int) (1 + 2 * (stepsBefore - SummarizationMiddleware.KEPT_STEPS)));
    var stored = messages.history(session.id());
    var summary =
        stored.stream()
            .filter(m -> m.id().equals(summarized.get(0).data().get("message_id")))
            .findFirst()
            .orElseThrow();
    var coveredThrough =
        stored.stream().filter(m -> m.id().equals(summary.parentId())).findFirst().orElseThrow();
    assertThat(coveredThrough.role()).isEqualTo(dev.cogent.session.MessageRole.TOOL);
    assertThat(summary.content()).startsWith("Summary: [user] /tool echo");
  }

  /** Answers "got: <text>" ({@code repeat} times); the text "fail" ends with exit code 3. */
  static final class EchoTool implements Tool {
    final java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String name() {
      return "echo";
    }

    @Override
    public String description() {
      return "Echoes its text.";
    }

    @Override
    public Map<String, Object> parametersSchema() {
      return Map.of(
          "type",
          "object",
          "properties",
          Map.of("text", Map.of("type", "string"), "repeat", Map.of("type", "integer")),
          "required",
          List.of("text"),
          "additionalProperties",
          false);
    }

    @Override
    public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
      calls.incrementAndGet();
      String text = (String) arguments.get("text");
      int repeat = arguments.get("repeat") instanceof Integer n ? n : 1;
      return new ToolResult(
          "got: " + String.join(" ", java.util.Collections.nCopies(repeat, text)),
          text.equals("fail") ? 3 : 0);
    }
  }

  /** Waits until the run is cancelled, as a long subprocess would. */
  static final class BlockingTool implements Tool {
    final CountDownLatch running = new CountDownLatch(1);
    volatile boolean cancelled;

    @Override
    public String name() {
      return "block";
    }

    @Override
    public String description() {
      return "Blocks until cancelled.";
    }

    @Override
    public Map<String, Object> parametersSchema() {
      return Map.of("type", "object");
    }

    @Override
    public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
      CountDownLatch stop = new CountDownLatch(1);
      AtomicReference<Cancellation.Registration> registration = new AtomicReference<>();
      registration.set(
          context
              .cancellation()
              .onCancel(
                  () -> {
                    cancelled = true;
                    stop.countDown();
                  }));
      running.countDown();
      try (Cancellation.Registration unused = registration.get()) {
        if (!stop.await(60, TimeUnit.SECONDS)) {
          return ToolResult.failed("never cancelled");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new ToolCancelledException(name());
    }
  }

  /** Prices every model at 0.001 per input and 0.002 per output token. */
  static final class PricedCatalog implements ModelFacts {
    /** A model with a context window small enough for a few tool results to fill it. */
    static final String SMALL_WINDOW_MODEL = "small-window";

    @Override
    public java.util.OptionalInt findContextWindow(String provider, String model) {
      return model.equals(SMALL_WINDOW_MODEL)
          ? java.util.OptionalInt.of(1000)
          : java.util.OptionalInt.empty();
    }

    @Override
    public Optional<Double> findEstimatedCost(
        String provider, String model, long inputTokens, long outputTokens) {
      return Optional.of(inputTokens * 0.001 + outputTokens * 0.002);
    }
  }

  /** Records what it was given; declares the ids the runtime must fill in. */
  static final class ContextTool implements Tool {
    final AtomicReference<Map<String, Object>> arguments = new AtomicReference<>();
    final AtomicReference<ToolContext> context = new AtomicReference<>();

    @Override
    public String name() {
      return "whoami";
    }

    @Override
    public String description() {
      return "Says who it runs for.";
    }

    @Override
    public Map<String, Object> parametersSchema() {
      Map<String, Object> text = Map.of("type", "string");
      return Map.of(
          "type",
          "object",
          "properties",
          Map.of("session_id", text, "run_id", text, "scope", text, "note", text),
          "required",
          List.of("session_id", "run_id"),
          "additionalProperties",
          false);
    }

    @Override
    public ToolResult execute(Map<String, Object> args, ToolContext toolContext) {
      arguments.set(Map.copyOf(args));
      context.set(toolContext);
      return ToolResult.ok("ran for " + toolContext.sessionId());
    }
  }

  /** Throws, as a buggy tool would. */
  static final class ThrowingTool implements Tool {
    final AtomicBoolean called = new AtomicBoolean();

    @Override
    public String name() {
      return "explode";
    }

    @Override
    public String description() {
      return "Throws.";
    }

    @Override
    public Map<String, Object> parametersSchema() {
      return Map.of("type", "object");
    }

    @Override
    public ToolResult execute(Map<String, Object> arguments, ToolContext context) {
      called.set(true);
      throw new IllegalStateException("boom");
    }
  }
}
