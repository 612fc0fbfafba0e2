package dev.cogent.protocols;

import dev.cogent.ApiException;
import dev.cogent.Version;
import dev.cogent.registry.Agent;
import dev.cogent.registry.AgentService;
import dev.cogent.registry.Skill;
import dev.cogent.registry.SkillService;
import dev.cogent.scope.Scope;
import java.util.List;

/**
 * The A2A agent cards of the agents with {@code a2a_exposed: true} visible in a scope. Agents are
 * resolved at request time, so an agent created after start-up is discoverable at once.
 *
 * <p>Thread-safe and stateless.
 */
public final class AgentCards {

  private final AgentService agents;
  private final SkillService skills;

  public AgentCards(AgentService agents, SkillService skills) {
    this.agents = agents;
    this.skills = skills;
  }

  /**
   * The cards of the exposed, non-hidden agents visible to {@code caller}, by name.
   *
   * @param baseUrl the server's base URL as the caller reached it, without a trailing slash
   */
  public AgentCard.Listing list(Scope caller, String baseUrl) {
    return new AgentCard.Listing(
        agents.list(caller).stream()
            .filter(Agent::a2aExposed)
            .map(agent -> card(agent, caller, baseUrl))
            .toList());
  }

  /**
   * The card of one exposed agent.
   *
   * @throws ApiException 404 when the agent does not exist in the scope or is not exposed
   */
  public AgentCard get(String name, Scope caller, String baseUrl) {
    return card(exposed(agents, name, caller), caller, baseUrl);
  }

  /** The agent {@code name} resolves to when it is A2A-exposed; 404 otherwise. */
  static Agent exposed(AgentService agents, String name, Scope caller) {
    return agents
        .find(name, caller)
        .filter(Agent::a2aExposed)
        .orElseThrow(() -> ApiException.notFound("agent", name));
  }

  private AgentCard card(Agent agent, Scope caller, String baseUrl) {
    List<AgentCard.Skill> cardSkills =
        agent.skills().stream()
            .map(
                skill ->
                    new AgentCard.Skill(
                        skill,
                        skill,
                        skills
                            .find(skill, caller)
                            .map(Skill::description)
                            .filter(description -> !description.isBlank())
                            .orElse(skill),
                        List.of()))
            .toList();
    return new AgentCard(
        agent.name(),
        agent.description() == null ? "" : agent.description(),
        baseUrl + "/a2a/" + agent.name(),
        Version.cogent(),
        new AgentCard.Capabilities(true, false),
        cardSkills,
        AgentCard.PROTOCOL_VERSION,
        AgentCard.TRANSPORT,
        AgentCard.TEXT_ONLY,
        AgentCard.TEXT_ONLY);
  }
}
