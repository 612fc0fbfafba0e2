package dev.cogent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogent.cli.ProjectFiles.Kind;
import dev.cogent.client.Agent;
import dev.cogent.client.AgentRequest;
import dev.cogent.client.CogentClient;
import dev.cogent.client.CogentException;
import dev.cogent.client.McpServer;
import dev.cogent.client.McpServerRequest;
import dev.cogent.client.ProviderConfig;
import dev.cogent.client.ProviderRequest;
import dev.cogent.client.Skill;
import dev.cogent.client.SkillRequest;
import dev.cogent.client.Tool;
import dev.cogent.client.ToolRequest;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The server's registry as the documents {@link ProjectFiles} holds, and the calls that make the
 * server match a document. Built-in agents and file-managed providers are left out: they cannot be
 * written through the API. A kind the server does not serve (404 on its list) reads as empty.
 */
final class RemoteRegistry {

  private static final Set<String> AGENT_FIELDS =
      Set.of(
          "system_prompt",
          "description",
          "mode",
          "tools",
          "skills",
          "memory",
          "interrupt_on",
          "model",
          "temperature",
          "hidden",
          "response_format",
          "a2a_exposed");

  private final CogentClient client;

  /** Names of the kinds the server answered 404 for, to tell the user. */
  final Set<Kind> unavailable = new java.util.TreeSet<>();

  RemoteRegistry(CogentClient client) {
    this.client = client;
  }

  Map<Kind, Map<String, JsonNode>> read() {
    Map<Kind, Map<String, JsonNode>> all = new TreeMap<>();
    for (Kind kind : Kind.values()) {
      Map<String, JsonNode> entries = new TreeMap<>();
      try {
        switch (kind) {
          case AGENT -> {
            for (Agent listed : client.agents().list()) {
              if (!listed.isNative()) {
                entries.put(listed.name(), agent(client.agents().get(listed.name())));
              }
            }
          }
          case SKILL -> {
            for (Skill skill : client.skills().list()) {
              Skill whole = client.skills().get(skill.name());
              entries.put(
                  skill.name(),
                  ProjectFiles.JSON.createObjectNode().put("content", whole.content()));
            }
          }
          case TOOL -> {
            for (Tool tool : client.tools().list()) {
              if (!"file".equals(tool.sourceType())) {
                ObjectNode doc = ProjectFiles.JSON.createObjectNode();
                doc.put("path", tool.module());
                doc.put("description", tool.description());
                doc.put("enabled", tool.enabled());
                doc.put("interrupt_on", tool.interruptOn());
                entries.put(tool.name(), ProjectFiles.clean(doc));
              }
            }
          }
          case MCP_SERVER -> {
            for (McpServer server : client.mcpServers().list()) {
              ObjectNode doc = ProjectFiles.JSON.createObjectNode();
              doc.put("url", server.url());
              doc.put("transport", server.transport());
              doc.put("enabled", server.enabled());
              entries.put(server.name(), doc);
            }
          }
          case PROVIDER -> {
            for (ProviderConfig provider : client.providers().list()) {
              if (!"file".equals(provider.source())) {
                ObjectNode doc = ProjectFiles.JSON.valueToTree(provider);
                doc.remove(Set.of("id", "scope", "source"));
                entries.put(provider.id(), ProjectFiles.clean(doc));
              }
            }
          }
        }
      } catch (CogentException e) {
        if (e.status() != 404) {
          throw e;
        }
        unavailable.add(kind);
      }
      all.put(kind, entries);
    }
    return all;
  }

  /** Makes the server's entry equal {@code document}; {@code exists} says whether it has one. */
  void apply(Kind kind, String name, JsonNode document, boolean exists) {
    ObjectNode body = ((ObjectNode) document.deepCopy());
    switch (kind) {
      case AGENT -> {
        body.put("name", name);
        client.agents().create(ProjectFiles.JSON.convertValue(body, AgentRequest.class));
      }
      case SKILL ->
          client.skills().create(SkillRequest.of(name, document.path("content").asText()));
      case TOOL -> {
        body.put("name", name);
        if (exists) {
          client.tools().delete(name);
        }
        client.tools().create(ProjectFiles.JSON.convertValue(body, ToolRequest.class));
      }
      case MCP_SERVER -> {
        body.put("name", name);
        McpServerRequest request = ProjectFiles.JSON.convertValue(body, McpServerRequest.class);
        if (exists) {
          client.mcpServers().update(name, request);
        } else {
          client.mcpServers().create(request);
        }
      }
      case PROVIDER -> {
        body.put("id", name);
        ProviderRequest request = ProjectFiles.JSON.convertValue(body, ProviderRequest.class);
        if (exists) {
          client.providers().update(name, request);
        } else {
          client.providers().create(request);
        }
      }
    }
  }

  private static JsonNode agent(Agent agent) {
    ObjectNode doc = ProjectFiles.JSON.valueToTree(agent);
    doc.retain(AGENT_FIELDS);
    if (!agent.hidden()) {
      doc.remove("hidden");
    }
    if (!Boolean.TRUE.equals(agent.a2aExposed())) {
      doc.remove("a2a_exposed");
    }
    return ProjectFiles.clean(doc);
  }
}
