package dev.cogent.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.cogent.settings.ObservabilitySettings;
import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TelemetryTest {

  private static final ObservabilitySettings OFF =
      new ObservabilitySettings(
          false, null, null, false, 3, Duration.ofSeconds(30), Duration.ofSeconds(30));
  private static final ObservabilitySettings ON =
      new ObservabilitySettings(
          false, null, null, true, 3, Duration.ofSeconds(30), Duration.ofSeconds(30));

  @Test
  void tracing_is_on_with_the_tracing_switch_the_otel_switch_or_an_endpoint() {
    assertThat(Telemetry.isTracing(OFF)).isFalse();
    assertThat(Telemetry.isTracing(ON)).isTrue();
    assertThat(
            Telemetry.isTracing(
                new ObservabilitySettings(
                    true, null, null, false, 3, Duration.ofSeconds(30), Duration.ofSeconds(30))))
        .isTrue();
    assertThat(
            Telemetry.isTracing(
                new ObservabilitySettings(
                    false,
                    null,
                    "http://127.0.0.1:4318",
                    false,
                    3,
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(30))))
        .isTrue();
  }

  @Test
  void a_detached_request_span_is_no_longer_current_and_ends_on_the_thread_that_closes_it()
      throws Exception {
    try (Telemetry telemetry = new Telemetry(ON, "test")) {
      TraceSpan request = new RequestTracer(telemetry).start("POST", "/x", name -> null);
      assertThat(Span.current().getSpanContext()).isEqualTo(request.span().getSpanContext());

      request.detach();

      assertThat(Span.current().getSpanContext().isValid()).isFalse();
      assertThat(telemetry.spans().recent()).isEmpty();
      Thread other = new Thread(request::close);
      other.start();
      other.join();
      assertThat(telemetry.spans().recent()).extracting(SpanView::name).containsExactly("POST");
    }
  }

  @Test
  void spans_are_buffered_only_while_tracing_is_on_and_it_switches_at_runtime() {
    try (Telemetry telemetry = new Telemetry(OFF, "test")) {
      RunTracer tracer = new RunTracer(telemetry, new Metrics());
      tracer.modelCall("mock", "m1").close();
      assertThat(telemetry.spans().recent()).isEmpty();

      telemetry.apply(ON);
      tracer.modelCall("mock", "m2").close();

      assertThat(telemetry.spans().recent()).extracting(SpanView::name).containsExactly("chat m2");
    }
  }

  @Test
  void model_and_tool_calls_inherit_the_run_attributes_and_nest_under_the_run() {
    try (Telemetry telemetry = new Telemetry(ON, "test")) {
      RunTracer tracer = new RunTracer(telemetry, new Metrics());
      RunAttributes run = new RunAttributes("s1", "r1", "default", "tenant=t1&user=u1", "t1");
      try (TraceSpan span = tracer.startRun(run)) {
        tracer.modelCall("mock", "m").close();
        tracer.toolCall("ls", "call-1", run).outcome("failed").close();
        span.outcome("done");
      }

      var spans = telemetry.spans().recent();
      assertThat(spans)
          .extracting(SpanView::name)
          .containsExactly("invoke_agent default", "chat m", "execute_tool ls");
      SpanView root = spans.get(0);
      assertThat(root.parentSpanId()).isNull();
      assertThat(root.attributes()).containsEntry("cogent.outcome", "done");
      for (SpanView child : spans.subList(1, 3)) {
        assertThat(child.parentSpanId()).isEqualTo(root.spanId());
        assertThat(child.traceId()).isEqualTo(root.traceId());
        assertThat(child.attributes())
            .containsEntry("cogent.session_id", "s1")
            .containsEntry("cogent.run_id", "r1")
            .containsEntry("cogent.tenant", "t1")
            .containsEntry("cogent.scope", "tenant=t1&user=u1");
      }
      assertThat(spans.get(2).status()).isEqualTo("error");
    }
  }

  @Test
  void the_buffer_keeps_the_last_fifty_traces() {
    try (Telemetry telemetry = new Telemetry(ON, "test")) {
      RunTracer tracer = new RunTracer(telemetry, new Metrics());
      for (int i = 0; i < 60; i++) {
        tracer.modelCall("mock", "m" + i).close();
      }

      var spans = telemetry.spans().recent();
      assertThat(spans).hasSize(50);
      assertThat(spans.get(0).name()).isEqualTo("chat m59");
      assertThat(spans.get(49).name()).isEqualTo("chat m10");
    }
  }

  @Test
  void spans_are_exported_over_otlp_http_to_the_configured_endpoint() throws IOException {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer collector =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext(
        "/",
        exchange -> {
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + exchange.getRequestBody().readAllBytes().length);
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
    try {
      String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort();
      Telemetry telemetry =
          new Telemetry(
              new ObservabilitySettings(
                  false, null, endpoint, false, 3, Duration.ofSeconds(30), Duration.ofSeconds(30)),
              "test");
      new RunTracer(telemetry, new Metrics()).modelCall("mock", "m").close();

      telemetry.close();

      assertThat(received).hasSize(1);
      assertThat(received.get(0)).startsWith("POST /v1/traces application/x-protobuf ");
      assertThat(received.get(0)).doesNotEndWith(" 0");
    } finally {
      collector.stop(0);
    }
  }
}
