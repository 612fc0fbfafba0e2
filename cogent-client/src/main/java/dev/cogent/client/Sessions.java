package dev.cogent.client;

import java.util.Map;
import java.util.StringJoiner;

/**
 * Sessions, their messages (streamed as {@link EventStream}s), runs, events, resume and abort.
 * Obtain it from {@link CogentClient#sessions()}. Thread-safe.
 */
public final class Sessions {

  private final Transport transport;

  Sessions(Transport transport) {
    this.transport = transport;
  }

  /**
   * Creates a session.
   *
   * @throws CogentException {@code VALIDATION_ERROR} (422) for an unknown agent or a bad config
   */
  public Session create(SessionRequest request) {
    return transport.call("POST", "/sessions", request, Session.class);
  }

  /**
   * @throws CogentException {@code SESSION_NOT_FOUND} (404), also for a session of another scope
   */
  public Session get(String sessionId) {
    return transport.call("GET", "/sessions/" + encode(sessionId), null, Session.class);
  }

  /** A page of sessions, newest first. */
  public SessionPage list(int limit, int offset) {
    return list(Map.of(), limit, offset);
  }

  /** A page of the sessions whose metadata has every given key/value pair. */
  public SessionPage list(Map<String, String> metadata, int limit, int offset) {
    StringJoiner query = new StringJoiner("&", "?", "");
    query.add("limit=" + limit).add("offset=" + offset);
    metadata.forEach((key, value) -> query.add("metadata." + encode(key) + "=" + encode(value)));
    return transport.call("GET", "/sessions" + query, null, SessionPage.class);
  }

  /** Changes the fields set in {@code request}. */
  public Session update(String sessionId, SessionRequest request) {
    return transport.call("PATCH", "/sessions/" + encode(sessionId), request, Session.class);
  }

  /** Deletes a session with its messages. */
  public void delete(String sessionId) {
    transport.call("DELETE", "/sessions/" + encode(sessionId), null, Void.class);
  }

  /**
   * Sends a user message and streams the run it starts. Iterate the returned stream to its terminal
   * event (or close it); a dropped connection is re-attached automatically.
   *
   * @throws CogentException {@code SESSION_BUSY} (409) while another run is active, {@code
   *     SESSION_NOT_FOUND} (404)
   */
  public EventStream send(String sessionId, MessageRequest message) {
    return new EventStream(
        transport,
        sessionId,
        transport.openStream("POST", base(sessionId) + "/messages", message, Map.of()));
  }

  /**
   * Answers the interrupt a session waits at and streams the continued run.
   *
   * @throws CogentException {@code CONFLICT} (409) when the session is not waiting for approval
   */
  public EventStream resume(String sessionId, Decision decision) {
    return new EventStream(
        transport,
        sessionId,
        transport.openStream("POST", base(sessionId) + "/resume", decision, Map.of()));
  }

  /**
   * Re-attaches to the session's latest run and streams its events after {@code afterSequence} (0
   * for all of the session's log from the start).
   */
  public EventStream attach(String sessionId, long afterSequence) {
    return new EventStream(
        transport,
        sessionId,
        transport.openStream(
            "POST",
            base(sessionId) + "/messages",
            null,
            Map.of("Last-Event-ID", Long.toString(afterSequence))));
  }

  /** Cancels the session's running run, if any; its stream ends with error {@code ABORTED}. */
  public void abort(String sessionId) {
    transport.call("POST", base(sessionId) + "/abort", null, Void.class);
  }

  /** A page of the session's messages, oldest first. */
  public MessagePage messages(String sessionId, int limit, int offset) {
    return transport.call(
        "GET",
        base(sessionId) + "/messages?limit=" + limit + "&offset=" + offset,
        null,
        MessagePage.class);
  }

  public Message message(String sessionId, String messageId) {
    return transport.call(
        "GET", base(sessionId) + "/messages/" + encode(messageId), null, Message.class);
  }

  /** A page of the session's runs, newest first. */
  public RunPage runs(String sessionId, int limit, int offset) {
    return transport.call(
        "GET", base(sessionId) + "/runs?limit=" + limit + "&offset=" + offset, null, RunPage.class);
  }

  public Run run(String sessionId, String runId) {
    return transport.call("GET", base(sessionId) + "/runs/" + encode(runId), null, Run.class);
  }

  /**
   * The logged events with a sequence above {@code afterSequence}, at most {@code limit} (1 to
   * 1000); page on with the last sequence while {@link EventPage#hasMore()}.
   */
  public EventPage events(String sessionId, long afterSequence, int limit) {
    return transport.call(
        "GET",
        base(sessionId) + "/events?after=" + afterSequence + "&limit=" + limit,
        null,
        EventPage.class);
  }

  private static String base(String sessionId) {
    return "/sessions/" + encode(sessionId);
  }

  private static String encode(String text) {
    return Transport.encode(text);
  }
}
