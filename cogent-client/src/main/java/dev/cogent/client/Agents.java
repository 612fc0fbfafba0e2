package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The {@code /agents} registry. Obtain it from {@link CogentClient#agents()}. Thread-safe. */
public final class Agents {

  private final Transport transport;

  Agents(Transport transport) {
    this.transport = transport;
  }

  /** The visible, non-hidden agents by name; system prompts cut to 500 characters. */
  public List<Agent> list() {
    return transport.call("GET", "/agents", null, AgentList.class).agents();
  }

  /**
   * @throws CogentException {@code NOT_FOUND} (404) for an unknown or hidden agent
   */
  public Agent get(String name) {
    return transport.call("GET", path(name), null, Agent.class);
  }

  /**
   * Creates the agent, or replaces the one in exactly the request's scope.
   *
   * @throws CogentException {@code VALIDATION_ERROR} (422), {@code CONFLICT} (409) for a built-in
   *     or file-managed name
   */
  public Agent create(AgentRequest request) {
    return transport.call("POST", "/agents", request, Agent.class);
  }

  /** Replaces the whole definition of {@code name}. */
  public Agent replace(String name, AgentRequest request) {
    return transport.call("PUT", path(name), request, Agent.class);
  }

  /** Changes only the fields set in {@code request} ({@code name} is ignored). */
  public Agent update(String name, AgentRequest request) {
    AgentRequest patch =
        new AgentRequest(
            null,
            request.systemPrompt(),
            request.description(),
            request.mode(),
            request.tools(),
            request.skills(),
            request.memory(),
            request.interruptOn(),
            request.model(),
            request.temperature(),
            request.hidden(),
            request.responseFormat(),
            request.a2aExposed(),
            request.scope());
    return transport.call("PATCH", path(name), patch, Agent.class);
  }

  /**
   * @throws CogentException {@code BAD_REQUEST} (400) for a built-in agent, {@code CONFLICT} (409)
   *     for a file-managed one
   */
  public void delete(String name) {
    transport.call("DELETE", path(name), null, Void.class);
  }

  private static String path(String name) {
    return "/agents/" + Transport.encode(name);
  }

  record AgentList(@JsonProperty("agents") List<Agent> agents) {}
}
