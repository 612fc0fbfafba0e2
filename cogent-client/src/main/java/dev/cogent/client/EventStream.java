package dev.cogent.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The events of one run, read from a Server-Sent Events stream, in order, each exactly once. When
 * the connection drops before the run's terminal event, the stream re-attaches with {@code
 * Last-Event-ID} (up to the client's {@code maxRetries} times in a row, with backoff) and skips
 * anything it already delivered. Iteration ends after the terminal event ({@link
 * RunEvent#isTerminal()}).
 *
 * <p>Not thread-safe: one thread iterates. Close it to drop the connection early; the run goes on
 * on the server either way.
 */
public final class EventStream implements Iterator<RunEvent>, Iterable<RunEvent>, AutoCloseable {

  private final Transport transport;
  private final String sessionId;
  private BufferedReader reader;
  private long lastSequence = -1;
  private RunEvent next;
  private boolean finished;
  private int failures;
  private int reattaches;
  private boolean deliveredOnThisConnection;

  EventStream(Transport transport, String sessionId, InputStream body) {
    this.transport = transport;
    this.sessionId = sessionId;
    this.reader = reader(body);
  }

  @Override
  public Iterator<RunEvent> iterator() {
    return this;
  }

  @Override
  public boolean hasNext() {
    while (next == null && !finished) {
      next = read();
    }
    return next != null;
  }

  /**
   * @throws CogentException when the connection was lost and could not be re-established
   */
  @Override
  public RunEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the run's stream has ended");
    }
    RunEvent event = next;
    next = null;
    if (event.isTerminal()) {
      finished = true;
      close();
    }
    return event;
  }

  /** How many times the stream re-attached after a lost connection. */
  public int reattaches() {
    return reattaches;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // The connection is being dropped on purpose; nothing is lost.
    }
  }

  /** The next new event, or null when this connection ended (then reconnected or finished). */
  private RunEvent read() {
    Frame frame = new Frame();
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isEmpty()) {
          frame.add(line);
          continue;
        }
        RunEvent event = frame.toEvent();
        frame = new Frame();
        if (event == null || event.sequence() <= lastSequence) {
          continue;
        }
        lastSequence = event.sequence();
        deliveredOnThisConnection = true;
        return event;
      }
    } catch (IOException e) {
      reconnect(e);
      return null;
    }
    if (!deliveredOnThisConnection && reattaches > 0) {
      // A re-attached stream that ends at once: the server has nothing after what we saw.
      finished = true;
      return null;
    }
    reconnect(null);
    return null;
  }

  private void reconnect(Exception cause) {
    close();
    if (deliveredOnThisConnection) {
      failures = 0;
    }
    deliveredOnThisConnection = false;
    Exception last = cause;
    while (true) {
      if (failures >= transport.maxRetries()) {
        finished = true;
        throw new CogentException(
            "lost the event stream of session " + sessionId + " after " + failures + " retries",
            last == null ? new IOException("the stream ended before the run did") : last);
      }
      transport.pause(failures++);
      try {
        long after = lastSequence >= 0 ? lastSequence : startOfLatestRun();
        reader =
            reader(
                transport.openStream(
                    "POST",
                    "/sessions/" + Transport.encode(sessionId) + "/messages",
                    null,
                    Map.of("Last-Event-ID", Long.toString(after))));
        reattaches++;
        return;
      } catch (CogentException e) {
        if (e.status() != 0) {
          finished = true;
          throw e;
        }
        last = e;
      }
    }
  }

  /** The sequence just before the latest run's first event, when none was received yet. */
  private long startOfLatestRun() {
    RunPage runs =
        transport.call(
            "GET",
            "/sessions/" + Transport.encode(sessionId) + "/runs?limit=2",
            null,
            RunPage.class);
    if (runs.runs().isEmpty()) {
      return 0;
    }
    Run latest = runs.runs().get(0);
    if (latest.firstSequence() != null) {
      return latest.firstSequence() - 1;
    }
    if (runs.runs().size() > 1 && runs.runs().get(1).lastSequence() != null) {
      return runs.runs().get(1).lastSequence();
    }
    return 0;
  }

  private static BufferedReader reader(InputStream body) {
    return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
  }

  /** The fields of one SSE frame; comments and {@code retry:} are ignored. */
  private static final class Frame {
    private String id;
    private String event = "message";
    private StringBuilder data;

    void add(String line) {
      if (line.startsWith(":")) {
        return;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "id" -> id = value;
        case "event" -> event = value;
        case "data" -> {
          if (data == null) {
            data = new StringBuilder(value);
          } else {
            data.append('\n').append(value);
          }
        }
        default -> {}
      }
    }

    RunEvent toEvent() {
      if (data == null || id == null) {
        return null;
      }
      long sequence;
      try {
        sequence = Long.parseLong(id.strip());
      } catch (NumberFormatException e) {
        return null;
      }
      try {
        JsonNode payload = RunEvent.Mapper.JSON.readTree(data.toString());
        return RunEvent.parse(sequence, event, payload);
      } catch (JsonProcessingException e) {
        throw new CogentException("unreadable event " + sequence + " of the stream", e);
      }
    }
  }
}
