package dev.cogent.session;

import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.scope.Scope;
import dev.cogent.store.Database;
import java.util.List;

/**
 * The transcript of a session: the user, assistant and tool messages its runs stored. Reads check
 * the caller's scope through the session; the runtime appends.
 *
 * <p>Thread-safe.
 */
public final class MessageService {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  private final MessageRepository repository;
  private final SessionService sessions;

  public MessageService(Database database, Json json, SessionService sessions) {
    this.repository = new MessageRepository(database, json);
    this.sessions = sessions;
  }

  /**
   * A page of the session's messages, oldest first.
   *
   * @throws ApiException {@code SESSION_NOT_FOUND} when the session is not in the scope
   */
  public MessagePage list(String sessionId, Scope scope, int limit, int offset) {
    sessions.get(sessionId, scope);
    List<Message> messages = repository.list(sessionId, limit, offset);
    long total = repository.count(sessionId);
    return new MessagePage(messages, total, offset + messages.size() < total);
  }

  /**
   * @throws ApiException {@code SESSION_NOT_FOUND}, or {@code NOT_FOUND} for an unknown message
   */
  public Message get(String sessionId, String messageId, Scope scope) {
    sessions.get(sessionId, scope);
    return repository
        .find(sessionId, messageId)
        .orElseThrow(() -> ApiException.notFound("message", messageId));
  }

  /** The whole transcript, oldest first, for the model's conversation history. */
  public List<Message> history(String sessionId) {
    return repository.listAll(sessionId);
  }

  /** Appends a message of a run to the transcript and counts it in {@code message_count}. */
  public void append(Message message, String runId) {
    repository.insert(message, runId);
  }

  MessageRepository repository() {
    return repository;
  }
}
