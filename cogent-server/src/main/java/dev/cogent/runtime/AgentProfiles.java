package dev.cogent.runtime;

import dev.cogent.registry.Agent;
import dev.cogent.registry.AgentDirectory;
import dev.cogent.registry.AgentService;
import dev.cogent.scope.Scope;
import dev.cogent.tools.Tool;
import dev.cogent.tools.catalog.CatalogTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an agent definition of the registry (looked up in the session's scope) into the {@link
 * AgentProfile} a run uses. Every field of the definition the runtime acts on is read here:
 *
 * <ul>
 *   <li>{@code system_prompt} starts the system message ({@link #DEFAULT_PROMPT} when empty);
 *   <li>{@code tools}: empty means every tool; otherwise only the named ones (a catalog row's name
 *       names all of its tools), and names that do not exist are listed in the system message (and
 *       logged), never fatal;
 *   <li>{@code memory} and {@code skills} are added to the prompt by the middleware ({@link
 *       MemoryMiddleware}, {@link SkillsMiddleware}); tools the middleware does not offer (blocked
 *       ones) are left out;
 *   <li>{@code interrupt_on} and {@code temperature} are carried in the profile.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class AgentProfiles {

  /** The system prompt of an agent that defines none. */
  static final String DEFAULT_PROMPT =
      "You are a helpful agent working in a session workspace. Use the tools you are given;"
          + " never invent file contents or command output.";

  /** The tool that delegates to a subagent. */
  static final String TASK = "task";

  private static final Logger log = LoggerFactory.getLogger(AgentProfiles.class);

  private final AgentService agents;
  private final List<Tool> builtins;
  private final Function<Scope, List<Tool>> scopedTools;
  private final MiddlewareChain middleware;

  /**
   * @param builtins the tools an agent with an empty {@code tools} list gets
   * @param scopedTools more such tools that depend on the session's scope (MCP servers' tools); a
   *     built-in of the same name wins
   * @param middleware adds to the system prompt (memory, skills) and hides blocked tools
   */
  AgentProfiles(
      AgentService agents,
      List<Tool> builtins,
      Function<Scope, List<Tool>> scopedTools,
      MiddlewareChain middleware) {
    this.agents = agents;
    this.builtins = List.copyOf(builtins);
    this.scopedTools = scopedTools;
    this.middleware = middleware;
  }

  /** The agent a session runs: its {@code agent_name} ({@code default} when none) in its scope. */
  Optional<Agent> sessionAgent(String agentName, Scope scope) {
    return find(agentName == null ? AgentDirectory.DEFAULT_AGENT : agentName, scope);
  }

  /** The agent {@code name} resolves to in {@code scope}, hidden ones included. */
  Optional<Agent> find(String name, Scope scope) {
    return agents.find(name, scope);
  }

  /** The agents the {@code task} tool may hand work to (mode {@code subagent} or {@code all}). */
  List<Agent> delegates(Scope scope) {
    return agents.list(scope).stream().filter(agent -> agent.mode().canBeDelegatedTo()).toList();
  }

  /**
   * Builds the profile of {@code agent} for a run in {@code workspace}.
   *
   * @param mayDelegate whether the run may have the {@code task} tool (subagents do not)
   */
  AgentProfile build(Agent agent, Scope scope, Path workspace, boolean mayDelegate) {
    return build(agent, scope, workspace, mayDelegate, List.of());
  }

  /**
   * Builds the profile of an agent that has tools of its own ({@link AgentTask#extraTools}); they
   * win over server tools of the same name.
   */
  AgentProfile build(
      Agent agent, Scope scope, Path workspace, boolean mayDelegate, List<Tool> extraTools) {
    Map<String, Tool> tools = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    boolean delegates = mayDelegate && middleware.offers(TASK);
    List<Tool> available = available(scope, extraTools);
    if (agent.tools() == null || agent.tools().isEmpty()) {
      available.forEach(tool -> tools.putIfAbsent(tool.name(), tool));
    } else {
      Map<String, Tool> byName = new LinkedHashMap<>();
      available.forEach(tool -> byName.putIfAbsent(tool.name(), tool));
      delegates = delegates && agent.tools().contains(TASK);
      for (String name : agent.tools()) {
        List<Tool> ofRow = catalogRow(available, name);
        if (byName.containsKey(name)) {
          tools.put(name, byName.get(name));
        } else if (!ofRow.isEmpty()) {
          // A catalog row's name stands for every tool its code defines.
          ofRow.forEach(tool -> tools.putIfAbsent(tool.name(), tool));
        } else if (!name.equals(TodoList.NAME) && !name.equals(TASK) && !unknown.contains(name)) {
          unknown.add(name);
        }
      }
      if (!unknown.isEmpty()) {
        log.warn("Agent {} names tools that do not exist here: {}", agent.name(), unknown);
      }
    }
    Set<String> interruptOn = new HashSet<>();
    if (agent.interruptOn() != null) {
      agent
          .interruptOn()
          .forEach(
              (tool, on) -> {
                if (Boolean.TRUE.equals(on)) {
                  interruptOn.add(tool);
                }
              });
    }
    // A catalog tool registered with interrupt_on asks for approval unless the agent says false.
    tools.values().stream()
        .filter(tool -> tool instanceof CatalogTool catalog && catalog.interruptOn())
        .filter(
            tool -> agent.interruptOn() == null || !agent.interruptOn().containsKey(tool.name()))
        .forEach(tool -> interruptOn.add(tool.name()));
    String prompt = prompt(agent, scope, workspace, unknown);
    return new AgentProfile(
        agent.name(), prompt, tools, delegates, interruptOn, agent.temperature(), unknown);
  }

  /**
   * The tools an agent of {@code scope} may name, {@code extraTools} first, blocked ones left out.
   */
  List<Tool> available(Scope scope, List<Tool> extraTools) {
    List<Tool> available = new ArrayList<>(extraTools);
    available.addAll(builtins);
    available.addAll(scopedTools.apply(scope));
    available.removeIf(tool -> !middleware.offers(tool.name()));
    return available;
  }

  /** The catalog tools of the registry row {@code rowName}, in the order given. */
  private static List<Tool> catalogRow(List<Tool> available, String rowName) {
    return available.stream()
        .filter(
            tool -> tool instanceof CatalogTool catalog && catalog.registryName().equals(rowName))
        .toList();
  }

  private String prompt(Agent agent, Scope scope, Path workspace, List<String> unknownTools) {
    StringBuilder prompt = new StringBuilder();
    String own = agent.systemPrompt();
    prompt.append(own == null || own.isBlank() ? DEFAULT_PROMPT : own.strip());
    if (!unknownTools.isEmpty()) {
      prompt
          .append("\n\nThese tools of your definition are not available on this server: ")
          .append(String.join(", ", unknownTools))
          .append('.');
    }
    return middleware.systemPrompt(agent, scope, workspace, prompt.toString());
  }
}
