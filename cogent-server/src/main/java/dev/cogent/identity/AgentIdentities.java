package dev.cogent.identity;

import dev.cogent.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Agent identities (spec "Agent Management"): users without a password, children of the user who
 * created them, in that user's tenant, that authenticate with the API key shown once when they are
 * created. Thread-safe.
 *
 * <p>An agent's stored email is {@code <name>+<parent id>@cogent.agent}, unique per parent; the
 * email shown drops the {@code +<parent id>}. No one can register or log in with an address of that
 * domain.
 */
public final class AgentIdentities {

  static final String EMAIL_DOMAIN = "@cogent.agent";
  static final int MAX_NAME_LENGTH = 100;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]*");

  private final UserService users;
  private final ApiKeyService apiKeys;
  private final AgentConnections connections;

  public AgentIdentities(UserService users, ApiKeyService apiKeys, AgentConnections connections) {
    this.users = users;
    this.apiKeys = apiKeys;
    this.connections = connections;
  }

  /** Whether an email belongs to the agent domain, which no person can use. */
  static boolean isAgentEmail(String normalizedEmail) {
    return normalizedEmail.endsWith(EMAIL_DOMAIN);
  }

  /**
   * Creates an agent identity for the caller with its API key.
   *
   * @throws ApiException 422 for a bad name, 409 when the caller has an agent of that name, 403 for
   *     an agent or a super API key
   */
  public CreatedAgent create(Principal caller, String name) {
    User parent = person(caller);
    String checked = checkName(name);
    String slug = checked.toLowerCase(Locale.ROOT).replace(' ', '-');
    User agent;
    try {
      agent = users.createAgentUser(parent, slug + "+" + parent.id() + EMAIL_DOMAIN);
    } catch (RuntimeException e) {
      if (users.isUniqueViolation(e)) {
        throw ApiException.conflict("Agent with name '" + checked + "' already exists");
      }
      throw e;
    }
    CreatedApiKey key = apiKeys.create(Principal.of(agent, CredentialKind.API_KEY, null), checked);
    return new CreatedAgent(agent.id(), displayEmail(agent), key.key(), key.label());
  }

  /** The caller's agents, oldest first. */
  public List<AgentIdentity> list(Principal caller) {
    return users.listAgents(caller.requireUserId()).stream().map(this::view).toList();
  }

  /**
   * One agent of the caller.
   *
   * @throws ApiException 404 when it does not exist or belongs to another tenant, 403 when it
   *     belongs to another user of the caller's tenant
   */
  public AgentIdentity get(Principal caller, String agentId) {
    return view(owned(caller, agentId));
  }

  /**
   * Deletes an agent, its keys and its connections.
   *
   * @throws ApiException as {@link #get}
   */
  public void delete(Principal caller, String agentId) {
    User agent = owned(caller, agentId);
    connections.deleteOf(agent.id());
    users.delete(agent.id());
  }

  private User owned(Principal caller, String agentId) {
    String userId = caller.requireUserId();
    User agent = users.find(agentId).filter(User::isAgent).orElseThrow(() -> notFound(agentId));
    if (agent.parentUserId().equals(userId) || caller.isSuperuser()) {
      return agent;
    }
    if (agent.tenantId() != null && Objects.equals(agent.tenantId(), caller.tenantId())) {
      // Spec: 403 when the caller does not own it. Outside the caller's tenant it stays invisible.
      throw IdentityErrors.permissionDenied("Not authorized: the agent belongs to another user");
    }
    throw notFound(agentId);
  }

  private AgentIdentity view(User agent) {
    String label =
        apiKeys.list(Principal.of(agent, CredentialKind.API_KEY, null)).stream()
            .findFirst()
            .map(ApiKey::label)
            .orElse(null);
    return new AgentIdentity(agent.id(), displayEmail(agent), label);
  }

  private User person(Principal caller) {
    User user = users.get(caller.requireUserId());
    if (user.isAgent()) {
      throw IdentityErrors.permissionDenied("An agent identity cannot create agents");
    }
    return user;
  }

  static String displayEmail(User agent) {
    String email = agent.email();
    int plus = email.lastIndexOf('+');
    return plus < 0 ? email : email.substring(0, plus) + EMAIL_DOMAIN;
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw ApiException.invalid("name", "is required");
    }
    String stripped = name.strip();
    if (stripped.length() > MAX_NAME_LENGTH) {
      throw ApiException.invalid("name", "must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (!NAME.matcher(stripped).matches()) {
      throw ApiException.invalid(
          "name", "may contain letters, digits, spaces, '_', '.' and '-' only");
    }
    return stripped;
  }

  private static ApiException notFound(String agentId) {
    return new ApiException(
        dev.cogent.ErrorCode.NOT_FOUND,
        "Agent not found",
        java.util.Map.of("resource", "agent", "id", agentId));
  }
}
