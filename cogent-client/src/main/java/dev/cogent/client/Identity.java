package dev.cogent.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Map;

/**
 * Users, logins, API keys and agent identities ({@code /api/v1/auth}, {@code /api/v1/agents}).
 * Obtain it from {@link CogentClient#identity()}. Thread-safe.
 */
public final class Identity {

  private final Transport transport;

  Identity(Transport transport) {
    this.transport = transport;
  }

  /**
   * Creates a user; the first one becomes the administrator.
   *
   * @throws CogentException {@code BAD_REQUEST} (400) with {@code details.reason} {@code
   *     REGISTER_USER_ALREADY_EXISTS} or {@code REGISTER_INVALID_PASSWORD}
   */
  public User register(String email, String password) {
    return transport.call(
        "POST", "/api/v1/auth/register", Map.of("email", email, "password", password), User.class);
  }

  /**
   * Exchanges an email and password for an access token; pass it to {@link
   * CogentClient#withBearerToken(String)}.
   *
   * @throws CogentException {@code BAD_REQUEST} (400) with {@code details.reason} {@code
   *     LOGIN_BAD_CREDENTIALS}
   */
  public AccessToken login(String email, String password) {
    return transport.call(
        "POST",
        "/api/v1/auth/login",
        Map.of("username", email, "password", password),
        AccessToken.class);
  }

  /** The caller. */
  public User me() {
    return transport.call("GET", "/api/v1/auth/me", null, User.class);
  }

  /** Creates an API key for the caller; {@link CreatedApiKey#key()} is shown only now. */
  public CreatedApiKey createApiKey(String name) {
    return transport.call(
        "POST",
        "/api/v1/auth/api-keys",
        name == null ? Map.of() : Map.of("name", name),
        CreatedApiKey.class);
  }

  /** The caller's keys that are not revoked, oldest first, without the keys themselves. */
  public List<ApiKey> listApiKeys() {
    return transport.call("GET", "/api/v1/auth/api-keys", null, new TypeReference<>() {});
  }

  /**
   * @throws CogentException {@code NOT_FOUND} (404) for another user's key or a revoked one
   */
  public void revokeApiKey(String id) {
    transport.call("DELETE", "/api/v1/auth/api-keys/" + Transport.encode(id), null, Void.class);
  }

  /**
   * Creates an agent identity; its key ({@link CreatedAgentIdentity#agentApiKey()}) is shown only
   * now.
   *
   * @throws CogentException {@code CONFLICT} (409) when the caller has an agent of that name
   */
  public CreatedAgentIdentity createAgent(String name) {
    return transport.call(
        "POST",
        "/api/v1/agents/create?name=" + Transport.encode(name),
        null,
        CreatedAgentIdentity.class);
  }

  /** The caller's agent identities, oldest first. */
  public List<AgentIdentity> listAgents() {
    return transport.call("GET", "/api/v1/agents/list", null, new TypeReference<>() {});
  }

  public AgentIdentity getAgent(String agentId) {
    return transport.call(
        "GET", "/api/v1/agents/" + Transport.encode(agentId), null, AgentIdentity.class);
  }

  /** Deletes the agent identity with its keys and connections. */
  public void deleteAgent(String agentId) {
    transport.call("DELETE", "/api/v1/agents/" + Transport.encode(agentId), null, Void.class);
  }
}
