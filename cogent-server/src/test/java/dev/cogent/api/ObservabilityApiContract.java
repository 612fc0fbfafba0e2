package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.llm.FakeProviderServer;
import dev.cogent.llm.FakeProviderServer.Reply;
import dev.cogent.llm.WireFormats;
import dev.cogent.observability.SpanView;
import dev.cogent.testing.Accounts;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.SseClient.Frame;
import dev.cogent.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracing, Prometheus metrics and circuit breakers over real HTTP, with the scripted mock model and
 * a fake provider; runs on SQLite and PostgreSQL.
 */
abstract class ObservabilityApiContract {

  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  final FakeProviderServer fake = new FakeProviderServer();
  final HttpClient http = HttpClient.newHttpClient();
  TestServer server;

  abstract DatabaseKind kind();

  TestServer start(Map<String, String> env) {
    server = TestServer.start(kind(), dir, env, clock);
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    fake.close();
  }

  String mockSession() {
    HttpResponse<String> created =
        server.post(
            "/sessions", "{\"config\": {\"provider\": \"mock\", \"model\": \"scripted-1\"}}");
    assertThat(created.statusCode()).isEqualTo(201);
    return TestServer.json(created).path("id").asText();
  }

  List<Frame> run(String sessionId, String content) {
    try (SseClient stream =
        SseClient.post(
            server,
            "/sessions/" + sessionId + "/messages",
            "{\"content\": " + RuntimeApiContract.quote(content) + "}")) {
      return stream.readToEnd(WAIT);
    }
  }

  HttpResponse<String> scrape(int port) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void one_run_with_a_tool_call_is_one_trace_from_the_request_down_to_the_tool() {
    start(Map.of("COGENT_TRACING_ENABLED", "true"));
    String sessionId = mockSession();

    List<Frame> frames = run(sessionId, "/tool ls {}");
    assertThat(frames.get(frames.size() - 1).event()).isEqualTo("done");

    String post = "POST /sessions/{session_id}/messages";
    SpanView request =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    server.spans().recent().stream()
                        .filter(span -> span.name().equals(post))
                        .findFirst()
                        .orElse(null),
                found -> found != null);
    List<SpanView> trace = server.spans().trace(request.traceId());
    assertThat(request.parentSpanId()).isNull();
    assertThat(request.kind()).isEqualTo("server");
    assertThat(request.attributes())
        .containsEntry("http.route", "/sessions/{session_id}/messages")
        .containsEntry("http.response.status_code", 200L);

    SpanView run = only(trace, "invoke_agent default");
    assertThat(run.parentSpanId()).isEqualTo(request.spanId());
    assertThat(run.attributes())
        .containsEntry("cogent.session_id", sessionId)
        .containsEntry("cogent.scope", "")
        .containsEntry("cogent.outcome", "done")
        .containsKey("cogent.run_id");
    String runId = (String) run.attributes().get("cogent.run_id");

    List<SpanView> children =
        trace.stream().filter(span -> run.spanId().equals(span.parentSpanId())).toList();
    assertThat(children)
        .extracting(SpanView::name)
        .containsExactly("chat scripted-1", "execute_tool ls", "chat scripted-1");
    for (SpanView child : children) {
      assertThat(child.attributes())
          .containsEntry("cogent.session_id", sessionId)
          .containsEntry("cogent.run_id", runId)
          .containsEntry("cogent.scope", "");
    }
    SpanView tool = children.get(1);
    assertThat(tool.attributes())
        .containsEntry("gen_ai.tool.name", "ls")
        .containsEntry("cogent.exit_code", 0L)
        .containsEntry("cogent.outcome", "ok");
    assertThat(children.get(0).attributes())
        .containsEntry("gen_ai.system", "mock")
        .containsKey("gen_ai.usage.input_tokens");

    HttpResponse<String> activity = server.get("/api/v1/activity/spans");
    assertThat(activity.statusCode()).isEqualTo(200);
    JsonNode summary = null;
    for (JsonNode candidate : TestServer.json(activity)) {
      if (candidate.path("trace_id").asText().equals(request.traceId())) {
        summary = candidate;
      }
    }
    assertThat(summary).as("the run's trace in the activity buffer").isNotNull();
    assertThat(summary.path("root_name").asText()).isEqualTo(post);
    assertThat(summary.path("span_count").asInt()).isEqualTo(trace.size());
    assertThat(summary.path("spans")).hasSize(trace.size());
  }

  @Test
  void a_cognify_run_is_a_pipeline_span_with_a_span_per_data_item_and_step() {
    start(Map.of("COGENT_TRACING_ENABLED", "true", "COGENT_METRICS_PORT", "0"));
    String alice = new Accounts(server).registerAndBearer("alice@example.com");
    HttpResponse<String> added =
        server.post(
            "/api/v1/add",
            "{\"data\": \"Alice Smith works at Acme Corp.\", \"datasetName\": \"traced\"}",
            "Authorization",
            alice);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    String datasetId = TestServer.json(added).path("dataset_id").asText();

    HttpResponse<String> cognified =
        server.post("/api/v1/cognify", "{\"datasets\": [\"traced\"]}", "Authorization", alice);
    assertThat(cognified.statusCode()).as(cognified.body()).isEqualTo(200);
    String pipelineRunId =
        TestServer.json(cognified).path(datasetId).path("pipeline_run_id").asText();

    SpanView pipeline =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    server.spans().recent().stream()
                        .filter(span -> span.name().equals("cognify_pipeline"))
                        .findFirst()
                        .orElse(null),
                found -> found != null);
    List<SpanView> trace = server.spans().trace(pipeline.traceId());
    SpanView request = only(trace, "POST /api/v1/cognify");
    assertThat(pipeline.parentSpanId()).isEqualTo(request.spanId());
    assertThat(pipeline.attributes())
        .containsEntry("cogent.dataset_id", datasetId)
        .containsEntry("cogent.pipeline_run_id", pipelineRunId)
        .containsEntry("cogent.pipeline", "cognify_pipeline")
        .containsEntry("cogent.outcome", "completed")
        .containsKey("cogent.user_id");
    SpanView item = only(trace, "cognify_item");
    assertThat(item.parentSpanId()).isEqualTo(pipeline.spanId());
    assertThat(item.attributes()).containsKey("cogent.data_id");
    List<SpanView> itemSteps =
        trace.stream().filter(span -> item.spanId().equals(span.parentSpanId())).toList();
    assertThat(itemSteps)
        .extracting(SpanView::name)
        .containsExactly("classify", "chunk", "summarize", "extract_graph");
    // Items are stored and indexed in batches: those steps belong to the run, after its items.
    List<SpanView> runSteps =
        trace.stream().filter(span -> pipeline.spanId().equals(span.parentSpanId())).toList();
    assertThat(runSteps)
        .extracting(SpanView::name)
        .containsExactly("cognify_item", "store_graph", "index");
    for (SpanView step : Stream.concat(itemSteps.stream(), runSteps.stream()).toList()) {
      assertThat(step.attributes())
          .containsEntry("cogent.dataset_id", datasetId)
          .containsEntry("cogent.pipeline_run_id", pipelineRunId);
    }
    SpanView index = runSteps.get(runSteps.size() - 1);
    assertThat(trace)
        .filteredOn(span -> index.spanId().equals(span.parentSpanId()))
        .extracting(SpanView::name)
        .isNotEmpty()
        .containsOnly("embed");

    HttpResponse<String> activity = server.get("/api/v1/activity/spans", "Authorization", alice);
    assertThat(activity.body()).contains(pipeline.traceId(), "cognify_pipeline", "extract_graph");
    assertThat(scrape(server.metricsPort()).body())
        .contains(
            "cogent_pipeline_runs_total{pipeline=\"add_pipeline\",status=\"completed\"} 1.0",
            "cogent_pipeline_runs_total{pipeline=\"cognify_pipeline\",status=\"completed\"} 1.0");
  }

  @Test
  void health_follows_the_breaker_settings_and_patch_config_changes_them() {
    String sessionId =
        flakySession(
            Map.of("COGENT_BREAKER_FAILURE_THRESHOLD", "1", "COGENT_BREAKER_OPEN_SECONDS", "5"));

    run(sessionId, "hello");

    JsonNode open = breaker(TestServer.json(server.get("/health")), "flaky");
    assertThat(open.path("state").asText()).as("open after 1 failure").isEqualTo("open");
    assertThat(open.path("retry_at").asText()).isEqualTo("2026-03-02T12:00:05Z");

    HttpResponse<String> patched =
        server.patch("/config", "{\"observability\": {\"breaker_open_seconds\": 60}}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

    JsonNode longer = breaker(TestServer.json(server.get("/health")), "flaky");
    assertThat(longer.path("retry_at").asText()).isEqualTo("2026-03-02T12:01:00Z");
    clock.advance(Duration.ofSeconds(5));
    assertThat(breaker(TestServer.json(server.get("/health")), "flaky").path("state").asText())
        .isEqualTo("open");
    clock.advance(Duration.ofSeconds(55));
    assertThat(breaker(TestServer.json(server.get("/health")), "flaky").path("state").asText())
        .isEqualTo("half_open");
    assertThat(
            TestServer.json(server.get("/config"))
                .path("observability")
                .path("breaker_open_seconds")
                .asInt())
        .isEqualTo(60);
  }

  static SpanView only(List<SpanView> spans, String name) {
    List<SpanView> named = spans.stream().filter(span -> span.name().equals(name)).toList();
    assertThat(named).hasSize(1);
    return named.get(0);
  }

  @Test
  void without_tracing_nothing_is_buffered() {
    start(Map.of());
    run(mockSession(), "/tool ls {}");

    assertThat(server.get("/health").statusCode()).isEqualTo(200);
    assertThat(server.spans().recent()).isEmpty();
  }

  @Test
  void metrics_count_requests_runs_tokens_tool_calls_and_the_pool() {
    start(Map.of("COGENT_METRICS_PORT", "0"));
    String sessionId = mockSession();
    run(sessionId, "/tool ls {}");
    server.get("/sessions/" + sessionId);

    HttpResponse<String> scraped =
        await()
            .atMost(WAIT)
            .until(
                () -> scrape(server.metricsPort()),
                response -> response.body().contains("cogent_runs_total{outcome=\"done\"} 1.0"));

    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(scraped.body())
        .contains(
            "cogent_http_requests_seconds_count{method=\"POST\",route=\"/sessions\",status=\"201\"} 1",
            "cogent_http_requests_seconds_count{method=\"GET\",route=\"/sessions/{session_id}\",status=\"200\"} 1",
            "cogent_tool_calls_total{status=\"ok\",tool=\"ls\"} 1.0",
            "cogent_llm_calls_seconds_count{model=\"scripted-1\",outcome=\"ok\",provider=\"mock\"} 2",
            "cogent_llm_tokens_total{model=\"scripted-1\",provider=\"mock\",type=\"input\"}",
            "cogent_llm_tokens_total{model=\"scripted-1\",provider=\"mock\",type=\"output\"}",
            "cogent_streams_active 0.0",
            "cogent_runs_active 0.0",
            "hikaricp_connections_active");
  }

  @Test
  void patch_config_starts_and_stops_the_metrics_listener() {
    start(Map.of());
    assertThat(server.metricsPort()).isEqualTo(-1);

    HttpResponse<String> on = server.patch("/config", "{\"observability\": {\"metrics_port\": 0}}");
    assertThat(on.statusCode()).isEqualTo(200);
    int port = server.metricsPort();
    assertThat(port).isPositive();
    assertThat(scrape(port).body()).contains("cogent_http_requests_seconds_count");

    HttpResponse<String> off =
        server.patch("/config", "{\"observability\": {\"metrics_port\": null}}");
    assertThat(off.statusCode()).isEqualTo(200);
    assertThat(server.metricsPort()).isEqualTo(-1);
    assertThatThrownBy(() -> scrape(port))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void patch_config_turns_tracing_on_at_runtime() {
    start(Map.of());
    server.get("/health");
    assertThat(server.spans().recent()).isEmpty();

    server.patch("/config", "{\"observability\": {\"tracing_enabled\": true}}");
    server.get("/health");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(server.spans().recent())
                    .extracting(SpanView::name)
                    .contains("GET /health"));
  }

  @Test
  void health_shows_the_breaker_of_a_failing_provider_open_then_half_open_then_closed() {
    String sessionId = flakySession(Map.of());
    // The fake answers 500 to every request it has no scripted reply for.
    for (int i = 0; i < 3; i++) {
      List<Frame> frames = run(sessionId, "hello");
      assertThat(frames.get(frames.size() - 1).event()).isEqualTo("error");
    }
    assertThat(fake.received()).hasSize(3);

    JsonNode open = breaker(TestServer.json(server.get("/health")), "flaky");
    assertThat(open.path("kind").asText()).isEqualTo("provider");
    assertThat(open.path("state").asText()).isEqualTo("open");
    assertThat(open.path("consecutive_failures").asInt()).isEqualTo(3);
    assertThat(open.path("retry_at").asText()).isEqualTo("2026-03-02T12:00:30Z");

    // While open, a run fails at once without calling the provider.
    List<Frame> refused = run(sessionId, "hello");
    assertThat(refused.get(refused.size() - 1).data().path("message").asText())
        .contains("circuit breaker");
    assertThat(fake.received()).hasSize(3);

    clock.advance(Duration.ofSeconds(30));
    assertThat(breaker(TestServer.json(server.get("/health")), "flaky").path("state").asText())
        .isEqualTo("half_open");

    fake.enqueue(Reply.stream(WireFormats.openAiText("llama3", 3, "Back")));
    List<Frame> recovered = run(sessionId, "hello");
    assertThat(recovered.get(recovered.size() - 1).event()).isEqualTo("done");
    JsonNode closed = breaker(TestServer.json(server.get("/health")), "flaky");
    assertThat(closed.path("state").asText()).isEqualTo("closed");
    assertThat(closed.path("consecutive_failures").asInt()).isZero();
  }

  /**
   * Starts the server with {@code env} and a session on provider {@code flaky}, the fake server,
   * which answers 500 to every request it has no scripted reply for.
   */
  String flakySession(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("COMPAT_KEY", "compat-secret");
    start(all);
    server.post(
        "/models/providers",
        "{\"id\": \"flaky\", \"provider\": \"openai_compatible\", \"model\": \"llama3\","
            + " \"base_url\": \""
            + fake.url("/v1")
            + "\", \"api_key_env\": \"COMPAT_KEY\", \"max_retries\": 0}");
    return TestServer.json(server.post("/sessions", "{\"config\": {\"provider_id\": \"flaky\"}}"))
        .path("id")
        .asText();
  }

  static JsonNode breaker(JsonNode health, String name) {
    for (JsonNode breaker : health.path("circuit_breakers")) {
      if (breaker.path("name").asText().equals(name)) {
        return breaker;
      }
    }
    throw new AssertionError("no breaker " + name + " in " + health);
  }
}
