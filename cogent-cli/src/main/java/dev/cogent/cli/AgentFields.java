package dev.cogent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogent.client.AgentRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The fields of {@code agents create} and {@code agents update}: a YAML file of the {@code
 * .cogent/agents/<name>.yaml} layout, overridden by flags. An unknown field in the file is a usage
 * error.
 */
final class AgentFields {

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description = "An agent YAML file (the fields of POST /agents, as `cogent pull` writes).")
  Path file;

  @Option(names = "--model", paramLabel = "MODEL", description = "Model, e.g. gpt-4o.")
  String model;

  @Option(names = "--prompt", paramLabel = "TEXT", description = "The system prompt.")
  String prompt;

  @Option(names = "--description", paramLabel = "TEXT", description = "What the agent is for.")
  String description;

  @Option(names = "--mode", paramLabel = "MODE", description = "primary, subagent or all.")
  String mode;

  @Option(names = "--tool", paramLabel = "NAME", description = "A tool it may use (repeatable).")
  List<String> tools;

  @Option(names = "--skill", paramLabel = "NAME", description = "A skill it has (repeatable).")
  List<String> skills;

  @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature.")
  Double temperature;

  /** The request for agent {@code name}: the file's fields, then the flags set. */
  AgentRequest request(String name) {
    ObjectNode body = ProjectFiles.JSON.createObjectNode();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ClientCalls.UsageException("no such file: " + file);
      }
      if (ProjectFiles.yaml(file) instanceof ObjectNode fromFile) {
        body.setAll(fromFile);
      } else {
        throw new ClientCalls.UsageException(file + " must hold a YAML mapping");
      }
    }
    body.put("name", name);
    putIfSet(body, "model", model);
    putIfSet(body, "system_prompt", prompt);
    putIfSet(body, "description", description);
    putIfSet(body, "mode", mode);
    if (tools != null) {
      body.set("tools", ProjectFiles.JSON.valueToTree(tools));
    }
    if (skills != null) {
      body.set("skills", ProjectFiles.JSON.valueToTree(skills));
    }
    if (temperature != null) {
      body.put("temperature", temperature);
    }
    try {
      return ProjectFiles.JSON.convertValue(body, AgentRequest.class);
    } catch (IllegalArgumentException e) {
      throw new ClientCalls.UsageException(
          "invalid agent" + (file == null ? "" : " in " + file) + ": " + e.getMessage());
    }
  }

  private static void putIfSet(ObjectNode body, String field, String value) {
    if (value != null) {
      body.put(field, value);
    }
  }
}
