package dev.cogent.session;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.Json;
import dev.cogent.registry.AgentDirectory;
import dev.cogent.scope.Scope;
import dev.cogent.store.Database;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sessions: create, read, list, update and delete, each within the caller's scope. A session of
 * another scope does not exist for the caller (404), which keeps its existence secret.
 *
 * <p>Thread-safe; every method is one database transaction.
 */
public final class SessionService {

  private final SessionRepository repository;
  private final SessionValidator validator;
  private final InstantSource clock;
  private final StartsInFlight starts = new StartsInFlight();

  public SessionService(
      Database database,
      Json json,
      AgentDirectory agents,
      ProviderChoice.Source providers,
      InstantSource clock) {
    this.repository = new SessionRepository(database, json);
    this.validator = new SessionValidator(agents, providers);
    this.clock = clock;
  }

  /**
   * Creates a session owned by {@code scope}.
   *
   * @throws ApiException {@code VALIDATION_ERROR} for an unknown agent, an over-long title, nested
   *     metadata or an invalid config
   */
  public Session create(SessionRequests.Create request, Scope scope) {
    validator.validateCreate(request, scope);
    Instant now = now();
    Session session =
        new Session(
            UUID.randomUUID().toString(),
            request.title(),
            UUID.randomUUID().toString(),
            SessionStatus.ACTIVE,
            request.agentName() == null ? AgentDirectory.DEFAULT_AGENT : request.agentName(),
            request.metadata() == null ? Map.of() : asStrings(request.metadata()),
            normalize(request.config()),
            scope.values(),
            now,
            now,
            0);
    repository.insert(session, scope);
    return session;
  }

  /**
   * The session as stored, once a run's start on its way to the store has committed (see {@link
   * StartsInFlight}): every read of the session, its runs and its messages goes through here.
   *
   * @throws ApiException {@code SESSION_NOT_FOUND} when no such session exists in the scope
   */
  public Session get(String id, Scope scope) {
    starts.awaitSettled(id);
    return repository.find(id, scope).orElseThrow(() -> notFound(id));
  }

  /** The runs of this service's sessions whose start is not committed yet. */
  StartsInFlight starts() {
    return starts;
  }

  public SessionPage list(SessionQuery query) {
    return repository.list(query);
  }

  /**
   * Changes the fields present in the request; metadata and config are replaced as a whole.
   *
   * @throws ApiException {@code SESSION_NOT_FOUND}, or {@code VALIDATION_ERROR} (nothing changes)
   */
  public Session update(String id, SessionRequests.Update request, Scope scope) {
    validator.validateUpdate(request, scope);
    Session current = get(id, scope);
    Session updated =
        new Session(
            current.id(),
            request.title() != null ? request.title() : current.title(),
            current.threadId(),
            current.status(),
            request.agentName() != null ? request.agentName() : current.agentName(),
            request.metadata() != null ? asStrings(request.metadata()) : current.metadata(),
            request.config() != null ? normalize(request.config()) : current.config(),
            current.scope(),
            current.createdAt(),
            now(),
            current.messageCount());
    if (!repository.update(updated, scope)) {
      throw notFound(id);
    }
    return updated;
  }

  /**
   * Deletes a session with everything it owns.
   *
   * @throws ApiException {@code SESSION_NOT_FOUND}
   */
  public void delete(String id, Scope scope) {
    if (!repository.delete(id, scope)) {
      throw notFound(id);
    }
  }

  /** Sessions that have a run in progress, for {@code /health}. */
  public int countActive() {
    return repository.countWithActiveRun();
  }

  /**
   * Metadata is flat text: numbers and booleans are kept as the strings {@code
   * ?metadata.<key>=<value>} filters compare with.
   */
  private static Map<String, String> asStrings(Map<String, Object> metadata) {
    Map<String, String> strings = new LinkedHashMap<>();
    metadata.forEach((key, value) -> strings.put(key, String.valueOf(value)));
    return strings;
  }

  /** A config without any override ({@code {}}) is no config: the defaults apply. */
  private static SessionConfig normalize(SessionConfig config) {
    if (config == null || config.equals(new SessionConfig(null, null, null, null, null, null))) {
      return null;
    }
    return config;
  }

  private Instant now() {
    // Milliseconds are what the store keeps; truncating here keeps responses equal to reads.
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static ApiException notFound(String id) {
    return new ApiException(
        ErrorCode.SESSION_NOT_FOUND,
        "Session not found: " + id,
        Map.of("resource", "session", "id", id));
  }
}
