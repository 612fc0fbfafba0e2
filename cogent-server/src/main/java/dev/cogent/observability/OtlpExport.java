package dev.cogent.observability;

import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends ended spans in batches to the OTLP endpoint of {@code observability.otel_endpoint}, or
 * nowhere while it is unset. {@link #exportTo} swaps the endpoint at runtime: the tracer provider
 * of the SDK cannot change its processors once built, so this one processor delegates to the
 * current batch processor.
 *
 * <p>Port 4317 (the OTLP/gRPC default) is spoken to over gRPC; any other URL over OTLP/HTTP with
 * protobuf, at {@code /v1/traces} unless the URL names a path. Thread-safe.
 */
final class OtlpExport implements SpanProcessor {

  private static final Logger log = LoggerFactory.getLogger(OtlpExport.class);
  private static final int GRPC_PORT = 4317;

  private final AtomicReference<SpanProcessor> current = new AtomicReference<>();
  private final ReentrantLock lock = new ReentrantLock();
  private String endpoint;

  /**
   * Exports to {@code url} from now on, or stops exporting when it is null; spans already queued
   * for the previous endpoint are flushed to it.
   *
   * @throws IllegalArgumentException when the URL is not an http(s) URL
   */
  void exportTo(String url) {
    lock.lock();
    try {
      if (Objects.equals(url, endpoint)) {
        return;
      }
      SpanProcessor next = url == null ? null : BatchSpanProcessor.builder(exporter(url)).build();
      SpanProcessor previous = current.getAndSet(next);
      endpoint = url;
      if (previous != null) {
        previous.shutdown();
      }
      if (url != null) {
        log.info("Exporting traces to {}", redact(url));
      }
    } finally {
      lock.unlock();
    }
  }

  static SpanExporter exporter(String url) {
    URI uri = URI.create(url);
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "observability.otel_endpoint must be an http:// or https:// URL");
    }
    if (uri.getPort() == GRPC_PORT) {
      return OtlpGrpcSpanExporter.builder().setEndpoint(url).build();
    }
    String path = uri.getRawPath();
    String traces =
        path == null || path.isEmpty() || path.equals("/") ? stripSlash(url) + "/v1/traces" : url;
    return OtlpHttpSpanExporter.builder().setEndpoint(traces).build();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The URL without user information, for logs. */
  private static String redact(String url) {
    URI uri = URI.create(url);
    return uri.getUserInfo() == null ? url : url.replace(uri.getRawUserInfo() + "@", "");
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    SpanProcessor processor = current.get();
    if (processor != null) {
      processor.onEnd(span);
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  @Override
  public CompletableResultCode forceFlush() {
    SpanProcessor processor = current.get();
    return processor == null ? CompletableResultCode.ofSuccess() : processor.forceFlush();
  }

  @Override
  public CompletableResultCode shutdown() {
    SpanProcessor processor = current.getAndSet(null);
    if (processor == null) {
      return CompletableResultCode.ofSuccess();
    }
    return processor.shutdown().join(10, TimeUnit.SECONDS);
  }
}
