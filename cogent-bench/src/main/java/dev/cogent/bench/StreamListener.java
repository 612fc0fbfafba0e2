package dev.cogent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * Reads one SSE response line by line as it arrives: notes when the first {@code token} event came,
 * joins the {@code token} events' {@code content} deltas, counts them, and remembers the terminal
 * event ({@code done}, {@code error} or {@code interrupt}). Lines arrive on the stream client's
 * thread, one at a time.
 *
 * <p>The streamed words are counted in the joined text, not as events: a server whose log falls
 * behind a fast model merges a run's queued deltas into one event (docs/benchmarks.md), which
 * changes how many events carry the text, not the text.
 */
final class StreamListener {

  /** What one stream showed. */
  record Outcome(
      long firstTokenNanos, int tokens, int tokenEvents, String terminal, String errorData) {
    boolean hasFirstToken() {
      return firstTokenNanos >= 0;
    }
  }

  private final LongSupplier nanoTime;
  private final ObjectMapper json;
  private final Runnable onFirstToken;
  private final StringBuilder text = new StringBuilder();
  private String event;
  private String data;
  private long firstTokenNanos = -1;
  private int tokenEvents;
  private String terminal;
  private String errorData;

  /**
   * @param onFirstToken runs once, on the HTTP client's thread, when the first {@code token} event
   *     has arrived
   */
  StreamListener(LongSupplier nanoTime, ObjectMapper json, Runnable onFirstToken) {
    this.nanoTime = nanoTime;
    this.json = json;
    this.onFirstToken = onFirstToken;
  }

  /** One line of the body, without its line end. */
  void onNext(String line) {
    if (line.isEmpty()) {
      dispatch();
    } else if (line.startsWith("event:")) {
      event = line.substring(6).strip();
    } else if (line.startsWith("data:")) {
      data = line.substring(5).strip();
    }
  }

  private void dispatch() {
    if (event == null) {
      return;
    }
    if (event.equals("token")) {
      if (tokenEvents == 0) {
        firstTokenNanos = nanoTime.getAsLong();
        onFirstToken.run();
      }
      tokenEvents++;
      text.append(content(data));
    } else if (event.equals("done") || event.equals("error") || event.equals("interrupt")) {
      terminal = event;
      if (!event.equals("done")) {
        errorData = data;
      }
    }
    event = null;
    data = null;
  }

  /** The body ended: a last event without its blank line still counts. */
  void onComplete() {
    dispatch();
  }

  Outcome outcome() {
    String joined = text.toString().strip();
    int words = joined.isEmpty() ? 0 : joined.split("\\s+").length;
    return new Outcome(firstTokenNanos, words, tokenEvents, terminal, errorData);
  }

  private String content(String data) {
    if (data == null) {
      return "";
    }
    try {
      return json.readTree(data).path("content").asText("");
    } catch (IOException e) {
      return "";
    }
  }
}
