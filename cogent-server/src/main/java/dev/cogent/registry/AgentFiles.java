package dev.cogent.registry;

import dev.cogent.ApiException;
import dev.cogent.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the agent files of a project: {@code .cogent/agents/<name>.yaml} (or {@code .yml}) holding
 * the fields of {@code POST /agents}, and {@code .cogent/agents/<name>.md}, whose YAML front matter
 * holds the fields and whose Markdown body is the system prompt. The name is the file's stem; a
 * {@code name} field, if present, must equal it. File agents are global and default to mode {@code
 * all}.
 */
final class AgentFiles {

  private final Json json;
  private final AgentService agents;

  AgentFiles(Json json, AgentService agents) {
    this.json = json;
    this.agents = agents;
  }

  LoadedFiles<AgentSpec> read(Path projectDir) {
    Path dir = projectDir.resolve(".cogent").resolve("agents");
    List<FileEntry<AgentSpec>> entries = new ArrayList<>();
    List<SeedProblem> problems = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path file : files(dir, problems)) {
      String fileName = file.getFileName().toString();
      String stem = fileName.substring(0, fileName.lastIndexOf('.'));
      try {
        AgentSpec spec = agents.validateFile(write(file, stem));
        Path earlier = seen.putIfAbsent(stem, file);
        if (earlier != null) {
          problems.add(problem(file, "agent '" + stem + "' is also defined by " + earlier));
          continue;
        }
        entries.add(FileEntry.global(stem, file.toString(), spec));
      } catch (ApiException e) {
        problems.add(problem(file, ProblemReasons.of(e)));
      } catch (IllegalArgumentException e) {
        problems.add(problem(file, ProblemReasons.of(e)));
      } catch (IOException e) {
        problems.add(problem(file, "cannot read the file: " + e.getMessage()));
      }
    }
    return new LoadedFiles<>(entries, problems);
  }

  private static List<Path> files(Path dir, List<SeedProblem> problems) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .filter(Files::isRegularFile)
          .filter(file -> isAgentFile(file.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(problem(dir, "cannot list the folder: " + e.getMessage()));
      return List.of();
    }
  }

  private static boolean isAgentFile(String fileName) {
    return !fileName.startsWith(".")
        && (fileName.endsWith(".yaml") || fileName.endsWith(".yml") || fileName.endsWith(".md"));
  }

  private AgentRequests.Write write(Path file, String stem) throws IOException {
    String text = Files.readString(file);
    Map<String, Object> fields;
    if (file.getFileName().toString().endsWith(".md")) {
      FrontMatter document = FrontMatter.parse(text);
      fields = new LinkedHashMap<>(document.fields());
      if (fields.containsKey("system_prompt")) {
        throw new IllegalArgumentException(
            "system_prompt is the Markdown body of a .md agent; remove it from the front matter");
      }
      if (!document.body().isBlank()) {
        fields.put("system_prompt", document.body().strip());
      }
    } else {
      fields = yamlMapping(text);
    }
    Object name = fields.getOrDefault("name", stem);
    if (!stem.equals(name)) {
      throw new IllegalArgumentException(
          "name '" + name + "' must equal the file name '" + stem + "' (or be left out)");
    }
    fields.put("name", stem);
    try {
      return json.mapper().convertValue(fields, AgentRequests.Write.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not an agent definition: " + FrontMatter.firstLine(e.getMessage()), e);
    }
  }

  private static Map<String, Object> yamlMapping(String text) {
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(
          "not valid YAML: " + FrontMatter.firstLine(e.getMessage()), e);
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("must be a YAML mapping of agent fields");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    map.forEach((key, value) -> fields.put(String.valueOf(key), value));
    return fields;
  }

  private static SeedProblem problem(Path file, String reason) {
    return new SeedProblem(RegistryKind.AGENT, file.toString(), reason);
  }
}
