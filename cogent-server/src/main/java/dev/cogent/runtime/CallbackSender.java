package dev.cogent.runtime;

import dev.cogent.Json;
import dev.cogent.session.LoggedEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a run's terminal event to the {@code callback_url} of its message: one JSON POST of the
 * logged event ({@code sequence, session_id, run_id, event, data, created_at}), retried with
 * exponential backoff until a 2xx answer or the attempts run out. With a signing secret, {@code
 * X-Cogent-Signature: sha256=<hex HMAC-SHA256 of the body>} lets the receiver verify it.
 *
 * <p>Thread-safe; delivery never blocks the caller.
 */
public final class CallbackSender {

  static final String SIGNATURE_HEADER = "X-Cogent-Signature";

  private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);
  private static final int MAX_ATTEMPTS = 5;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient client;
  private final ScheduledExecutorService scheduler;
  private final Json json;
  private final String signingSecret;
  private final Duration firstBackoff;

  /**
   * @param signingSecret the HMAC key; null sends unsigned callbacks
   * @param firstBackoff the wait before the first retry; each further retry waits twice as long
   */
  public CallbackSender(
      HttpClient client,
      ScheduledExecutorService scheduler,
      Json json,
      String signingSecret,
      Duration firstBackoff) {
    this.client = client;
    this.scheduler = scheduler;
    this.json = json;
    this.signingSecret = signingSecret == null || signingSecret.isEmpty() ? null : signingSecret;
    this.firstBackoff = firstBackoff;
  }

  /** Starts delivering {@code event} to {@code url} in the background. */
  void send(String url, LoggedEvent event) {
    URI uri = URI.create(url);
    String scheme =
        uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      log.warn("Not sending the callback of run {}: {} is not an http(s) URL", event.runId(), url);
      return;
    }
    byte[] body = json.write(event).getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "cogent-callback")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signingSecret != null) {
      request.header(SIGNATURE_HEADER, "sha256=" + sign(signingSecret, body));
    }
    attempt(request.build(), event, 1);
  }

  private void attempt(HttpRequest request, LoggedEvent event, int attempt) {
    client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error == null && response.statusCode() / 100 == 2) {
                log.debug("Delivered the callback of run {}", event.runId());
                return;
              }
              String problem = error != null ? error.toString() : "status " + response.statusCode();
              if (attempt >= MAX_ATTEMPTS) {
                log.warn(
                    "Gave up the callback of run {} to {} after {} attempts: {}",
                    event.runId(),
                    request.uri(),
                    attempt,
                    problem);
                return;
              }
              long delay = firstBackoff.toMillis() << (attempt - 1);
              log.info(
                  "Callback of run {} failed ({}); retrying in {} ms",
                  event.runId(),
                  problem,
                  delay);
              try {
                scheduler.schedule(
                    () -> attempt(request, event, attempt + 1), delay, TimeUnit.MILLISECONDS);
              } catch (java.util.concurrent.RejectedExecutionException e) {
                log.warn("Dropped the callback of run {}: the server is stopping", event.runId());
              }
            });
  }

  /** The lower-case hex HMAC-SHA256 of {@code body} under {@code secret}. */
  static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
