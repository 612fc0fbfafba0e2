package dev.cogent.protocols;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.registry.Agent;
import dev.cogent.registry.AgentService;
import dev.cogent.registry.RegistryChange;
import dev.cogent.registry.RegistryKind;
import dev.cogent.scope.Scope;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * One MCP tool per A2A-exposed agent: {@code ask_<agent name>} sends the agent a message exactly as
 * A2A {@code SendMessage} does ({@link A2aService}) and answers with its reply and the context id
 * that continues the conversation.
 *
 * <p>The SDK keeps one tool list per server, while agents live in scopes. So a tool is registered
 * for every agent name some caller has seen (on that caller's request, {@link #sync}), the tool
 * list shows a caller only the tools of the agents visible in its scope ({@link #isVisible}), and a
 * call resolves the agent in the caller's scope. A changed or deleted agent drops its tool and the
 * clients are told the list changed. Thread-safe.
 */
final class McpAgentTools {

  static final String PREFIX = "ask_";

  private final AgentService agents;
  private final A2aService a2a;
  private final Json json;
  private final McpResults results;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private final ReentrantLock lock = new ReentrantLock();

  McpAgentTools(AgentService agents, A2aService a2a, Json json, McpResults results) {
    this.agents = agents;
    this.a2a = a2a;
    this.json = json;
    this.results = results;
  }

  record AskArguments(
      @JsonProperty("message") String message, @JsonProperty("context_id") String contextId) {}

  /**
   * The tool name of an agent: letters, digits, {@code _} and {@code -} kept, the rest {@code _}.
   */
  static String toolName(String agentName) {
    return PREFIX + agentName.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** Registers the tools of the agents {@code scope} sees that the server does not have yet. */
  void sync(McpSyncServer server, Scope scope) {
    Map<String, Agent> visible = visible(scope);
    if (registered.containsAll(visible.keySet())) {
      return;
    }
    lock.lock();
    try {
      for (Map.Entry<String, Agent> entry : visible.entrySet()) {
        if (registered.add(entry.getKey())) {
          server.addTool(spec(entry.getKey(), entry.getValue()));
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether the tool list of a caller in {@code scope} shows this agent tool. */
  boolean isVisible(Scope scope, String toolName) {
    return visible(scope).containsKey(toolName);
  }

  /** Drops the tool of a changed or deleted agent, so the next list re-registers it afresh. */
  void changed(McpSyncServer server, RegistryChange change) {
    if (change.kind() != RegistryKind.AGENT) {
      return;
    }
    String name = toolName(change.name());
    lock.lock();
    try {
      if (registered.remove(name)) {
        server.removeTool(name);
      }
    } finally {
      lock.unlock();
    }
    server.notifyToolsListChanged();
  }

  private Map<String, Agent> visible(Scope scope) {
    Map<String, Agent> byTool = new LinkedHashMap<>();
    for (Agent agent : agents.list(scope)) {
      if (agent.a2aExposed()) {
        byTool.putIfAbsent(toolName(agent.name()), agent);
      }
    }
    return byTool;
  }

  private SyncToolSpecification spec(String toolName, Agent agent) {
    // The tool is shared by every scope with an agent of this name, so only a global agent's own
    // description may show; others would leak into scopes that cannot see them.
    String about =
        agent.scope().isEmpty() && agent.description() != null && !agent.description().isBlank()
            ? " It describes itself as: " + agent.description().strip()
            : "";
    return results.tool(
        toolName,
        "Send a message to the Cogent agent '"
            + agent.name()
            + "' and get its answer (the agent runs with its own model, tools and memory)."
            + about
            + " Pass the returned context_id back to continue the same conversation.",
        """
        {"type": "object", "properties": {
          "message": {"type": "string", "description": "What to ask or tell the agent."},
          "context_id": {"type": "string", "description": "A context_id from an earlier answer, to continue that conversation."}},
         "required": ["message"], "additionalProperties": false}
        """,
        (caller, arguments) -> ask(toolName, caller, arguments));
  }

  private McpSchema.CallToolResult ask(
      String toolName, McpCaller caller, Map<String, Object> arguments) {
    AskArguments request = results.arguments(arguments, AskArguments.class);
    if (request.message() == null || request.message().isBlank()) {
      throw ApiException.invalid("message", "is required");
    }
    Agent agent =
        Optional.ofNullable(visible(caller.scope()).get(toolName))
            .orElseThrow(() -> ApiException.notFound("agent", toolName.substring(PREFIX.length())));
    A2aReply reply =
        a2a.handle(
            agent.name(), caller.scope(), sendMessage(request.message(), request.contextId()));
    JsonRpcResponse response = ((A2aReply.Answer) reply).response();
    if (response.error() != null) {
      return results.error(response.error().message());
    }
    A2aWire.Task task = (A2aWire.Task) response.result();
    String text =
        task.status().message() == null
            ? ""
            : task.status().message().parts().stream()
                .map(A2aWire.Part::text)
                .collect(Collectors.joining("\n"));
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("context_id", task.contextId());
    about.put("task_id", task.id());
    about.put("state", task.status().state());
    McpSchema.CallToolResult.Builder result =
        McpSchema.CallToolResult.builder()
            .isError(
                TaskStates.FAILED.equals(task.status().state())
                    || TaskStates.CANCELED.equals(task.status().state()));
    if (TaskStates.INPUT_REQUIRED.equals(task.status().state())) {
      text =
          "The agent waits for a human approval of its run (see the session's pending interrupt). "
              + text;
    }
    return result.addTextContent(text).addTextContent(json.write(about)).build();
  }

  /** The A2A {@code SendMessage} request this call stands for. */
  private byte[] sendMessage(String message, String contextId) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("role", "user");
    content.put("messageId", UUID.randomUUID().toString());
    content.put("parts", List.of(Map.of("kind", "text", "text", message)));
    if (contextId != null && !contextId.isBlank()) {
      content.put("contextId", contextId);
    }
    Map<String, Object> rpc = new LinkedHashMap<>();
    rpc.put("jsonrpc", "2.0");
    rpc.put("id", "mcp");
    rpc.put("method", "SendMessage");
    rpc.put("params", Map.of("message", content));
    return json.write(rpc).getBytes(StandardCharsets.UTF_8);
  }
}
