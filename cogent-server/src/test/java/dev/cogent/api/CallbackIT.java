package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.SseClient;
import dev.cogent.testing.TestServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion callback of {@code callback_url}: retried, and signed when a secret is set. */
class CallbackIT {

  private static final String SECRET = "s3cret-for-tests";

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private HttpServer receiver;
  private TestServer server;

  record Received(String body, String signature) {}

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
          if (status == 204) {
            received.add(
                new Received(body, exchange.getRequestHeaders().getFirst("X-Cogent-Signature")));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    server =
        TestServer.start(
            DatabaseKind.SQLITE, dir, Map.of("COGENT_CALLBACK_SIGNING_SECRET", SECRET), clock);
  }

  @AfterEach
  void stop() {
    server.close();
    receiver.stop(0);
  }

  @Test
  void posts_the_signed_terminal_event_after_retrying_a_failing_receiver() throws Exception {
    failuresLeft.set(1);
    String sessionId =
        TestServer.json(
                server.post(
                    "/sessions", "{\"config\": {\"provider\": \"mock\", \"model\": \"m\"}}"))
            .path("id")
            .asText();
    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

    List<SseClient.Frame> frames;
    try (SseClient stream =
        SseClient.post(
            server,
            "/sessions/" + sessionId + "/messages",
            "{\"content\": \"hi\", \"callback_url\": \"" + hook + "\"}")) {
      frames = stream.readToEnd(Duration.ofSeconds(20));
    }

    await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
    Received callback = received.get(0);
    JsonNode event = new ObjectMapper().readTree(callback.body());
    SseClient.Frame done = frames.get(frames.size() - 1);
    assertThat(event.path("event").asText()).isEqualTo("done");
    assertThat(event.path("sequence").asLong()).isEqualTo(done.id());
    assertThat(event.path("session_id").asText()).isEqualTo(sessionId);
    assertThat(event.path("data")).isEqualTo(done.data());
    assertThat(callback.signature()).isEqualTo("sha256=" + hmac(callback.body()));
    assertThat(received).hasSize(1);
  }

  private static String hmac(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
