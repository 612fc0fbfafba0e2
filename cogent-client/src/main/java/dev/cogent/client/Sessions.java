package dev.cogent.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** The {@code /sessions} endpoints. Obtain it from {@link CogentClient#sessions()}. */
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

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
