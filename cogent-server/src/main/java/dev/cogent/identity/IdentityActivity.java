package dev.cogent.identity;

import dev.cogent.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * The identity part of {@code /api/v1/activity}: who is in the caller's tenant and what its agents
 * are doing. Nothing crosses a tenant: not even the server's administrator sees another tenant's
 * users or agents here (the anchor lists every user of the server under {@code agents}). Read-only
 * and thread-safe.
 */
public final class IdentityActivity {

  /** Activity this recent counts as recent, as the anchor's LIVE rule. */
  static final Duration RECENT = Duration.ofMinutes(30);

  private final ActivityRepository repository;
  private final UserService users;
  private final InstantSource clock;

  public IdentityActivity(Database database, UserService users, InstantSource clock) {
    this.repository = new ActivityRepository(database);
    this.users = users;
    this.clock = clock;
  }

  /**
   * The people of the caller's current tenant by email; without a tenant, only the caller (for a
   * person) or nobody (for an agent identity).
   */
  public List<UserActivity> listUsers(Principal caller) {
    if (caller.tenantId() != null) {
      return repository.listPeopleOf(caller.tenantId());
    }
    return users
        .find(caller.userId())
        .filter(user -> !user.isAgent())
        .map(
            user ->
                List.of(
                    new UserActivity(
                        user.id(), user.email(), user.isSuperuser(), user.createdAt())))
        .orElse(List.of());
  }

  /** The caller's agent identities and those of the caller's current tenant, by email. */
  public List<AgentActivity> listAgents(Principal caller) {
    Instant recent = clock.instant().minus(RECENT);
    return repository.listAgents(caller.userId(), caller.tenantId()).stream()
        .map(
            row ->
                new AgentActivity(
                    row.agent().id(),
                    AgentIdentities.displayEmail(row.agent()),
                    row.agent().parentUserId(),
                    row.agent().tenantId(),
                    true,
                    row.activeConnections() > 0 ? "LIVE" : "INACTIVE",
                    row.apiKeyCount(),
                    row.activeConnections(),
                    row.lastActive(),
                    row.lastActive() != null && !row.lastActive().isBefore(recent),
                    row.agent().createdAt()))
        .toList();
  }
}
