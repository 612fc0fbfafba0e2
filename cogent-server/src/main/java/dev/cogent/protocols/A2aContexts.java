package dev.cogent.protocols;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import dev.cogent.scope.Scope;
import dev.cogent.session.Session;
import dev.cogent.session.SessionQuery;
import dev.cogent.session.SessionRequests;
import dev.cogent.session.SessionService;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps an A2A {@code contextId} to the session of an agent: the session whose metadata {@code
 * a2a_context_id} is the context id, else the session whose id it is (so a client may continue a
 * session it created through the sessions API), else a new session of the agent carrying the
 * context id in its metadata. A request without a context id starts a new context.
 */
final class A2aContexts {

  /** The session metadata key that holds the A2A context id. */
  static final String METADATA_KEY = "a2a_context_id";

  private final SessionService sessions;

  A2aContexts(SessionService sessions) {
    this.sessions = sessions;
  }

  /** A context and its session. */
  record Context(String contextId, Session session) {}

  /**
   * @param contextId the request's context id; null for a new context
   * @throws ApiException 422 when the agent cannot own sessions (mode {@code subagent})
   */
  Context resolve(String agentName, String contextId, Scope scope) {
    if (contextId != null) {
      Optional<Session> existing =
          byMetadata(agentName, contextId, scope).or(() -> byId(agentName, contextId, scope));
      if (existing.isPresent()) {
        return new Context(contextId, existing.get());
      }
    }
    String id = contextId != null ? contextId : UUID.randomUUID().toString();
    Session created =
        sessions.create(
            new SessionRequests.Create(
                "A2A: " + agentName, agentName, Map.of(METADATA_KEY, id), null),
            scope);
    return new Context(id, created);
  }

  private Optional<Session> byMetadata(String agentName, String contextId, Scope scope) {
    return sessions
        .list(new SessionQuery(scope, Map.of(METADATA_KEY, contextId), SessionQuery.MAX_LIMIT, 0))
        .sessions()
        .stream()
        .filter(session -> session.agentName().equals(agentName))
        .findFirst();
  }

  private Optional<Session> byId(String agentName, String contextId, Scope scope) {
    try {
      Session session = sessions.get(contextId, scope);
      return session.agentName().equals(agentName) ? Optional.of(session) : Optional.empty();
    } catch (ApiException e) {
      if (e.code() == ErrorCode.SESSION_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
