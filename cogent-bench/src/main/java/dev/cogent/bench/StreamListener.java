package dev.cogent.bench;

import java.util.concurrent.Flow;
import java.util.function.LongSupplier;

/**
 * Reads one SSE response line by line as it arrives: notes when the first {@code token} event came,
 * counts the {@code token} events and remembers the terminal event ({@code done}, {@code error} or
 * {@code interrupt}). Lines arrive on the HTTP client's threads, one at a time.
 */
final class StreamListener implements Flow.Subscriber<String> {

  /** What one stream showed. */
  record Outcome(long firstTokenNanos, int tokens, String terminal, String errorData) {
    boolean hasFirstToken() {
      return firstTokenNanos >= 0;
    }
  }

  private final LongSupplier nanoTime;
  private String event;
  private String data;
  private long firstTokenNanos = -1;
  private int tokens;
  private String terminal;
  private String errorData;

  StreamListener(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
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
      if (tokens == 0) {
        firstTokenNanos = nanoTime.getAsLong();
      }
      tokens++;
    } else if (event.equals("done") || event.equals("error") || event.equals("interrupt")) {
      terminal = event;
      if (!event.equals("done")) {
        errorData = data;
      }
    }
    event = null;
    data = null;
  }

  @Override
  public void onError(Throwable throwable) {
    // The HTTP client reports the failure through the response future.
  }

  @Override
  public void onComplete() {
    dispatch();
  }

  Outcome outcome() {
    return new Outcome(firstTokenNanos, tokens, terminal, errorData);
  }
}
