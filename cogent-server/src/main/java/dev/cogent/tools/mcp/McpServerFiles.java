package dev.cogent.tools.mcp;

import dev.cogent.ApiException.FieldError;
import dev.cogent.Json;
import dev.cogent.registry.FileEntry;
import dev.cogent.registry.RegistryKind;
import dev.cogent.registry.SeedProblem;
import dev.cogent.settings.Placeholders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the MCP servers a project declares: the list {@code mcp.servers} of {@code
 * .cogent/config.yaml} (items with {@code name}) and the files {@code
 * .cogent/mcp-servers/<name>.yaml} (or {@code .yml}; the layout {@code cogent pull} writes, named
 * by the file, a {@code name} field must equal it). Both hold the fields of {@code POST
 * /mcp-servers} except {@code scope}: file servers are global. {@code ${VAR}} placeholders in
 * values are expanded. A broken entry becomes a {@link SeedProblem} and is skipped; the first entry
 * of a name wins.
 */
final class McpServerFiles {

  static final String CONFIG_FILE = ".cogent/config.yaml";
  static final String FOLDER = ".cogent/mcp-servers";

  private final Path projectDir;
  private final Json json;
  private final Placeholders placeholders;

  McpServerFiles(Path projectDir, Json json, Placeholders placeholders) {
    this.projectDir = projectDir;
    this.json = json;
    this.placeholders = placeholders;
  }

  record Loaded(List<FileEntry<McpServerSpec>> entries, List<SeedProblem> problems) {}

  Loaded read() {
    List<FileEntry<McpServerSpec>> entries = new ArrayList<>();
    List<SeedProblem> problems = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Candidate candidate : candidates(problems)) {
      try {
        McpServerRequests.Create fields = fields(candidate);
        List<FieldError> errors =
            McpServerService.problems(fields.name(), fields.url(), fields.headers());
        if (!errors.isEmpty()) {
          throw new IllegalArgumentException(
              errors.stream()
                  .map(error -> error.field() + ": " + error.message())
                  .collect(Collectors.joining("; ")));
        }
        String earlier = seen.putIfAbsent(fields.name(), candidate.where());
        if (earlier != null) {
          throw new IllegalArgumentException(
              "MCP server '" + fields.name() + "' is also defined by " + earlier);
        }
        entries.add(
            FileEntry.global(fields.name(), candidate.origin(), McpServerService.spec(fields)));
      } catch (IllegalArgumentException e) {
        problems.add(problem(candidate.where(), e.getMessage()));
      }
    }
    return new Loaded(entries, problems);
  }

  /**
   * One entry to read.
   *
   * @param origin the file, relative to the project, stored with the row
   * @param where the file and, for the config file, the item ({@code mcp.servers[1]})
   * @param stem the file's name without extension, which names the server; null in the config file
   */
  private record Candidate(String origin, String where, String stem, Object document) {}

  private List<Candidate> candidates(List<SeedProblem> problems) {
    List<Candidate> candidates = new ArrayList<>();
    Path config = projectDir.resolve(CONFIG_FILE);
    if (Files.isRegularFile(config)) {
      try {
        if (load(Files.readString(config)) instanceof Map<?, ?> root
            && root.get("mcp") instanceof Map<?, ?> mcp
            && mcp.get("servers") instanceof List<?> servers) {
          for (int i = 0; i < servers.size(); i++) {
            candidates.add(
                new Candidate(
                    CONFIG_FILE, CONFIG_FILE + " (mcp.servers[" + i + "])", null, servers.get(i)));
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        problems.add(problem(CONFIG_FILE, "cannot read the file: " + e.getMessage()));
      }
    }
    Path folder = projectDir.resolve(FOLDER);
    if (Files.isDirectory(folder)) {
      try (Stream<Path> listing = Files.list(folder)) {
        for (Path file : listing.filter(McpServerFiles::isServerFile).sorted().toList()) {
          String fileName = file.getFileName().toString();
          String origin = FOLDER + "/" + fileName;
          try {
            candidates.add(
                new Candidate(
                    origin,
                    origin,
                    fileName.substring(0, fileName.lastIndexOf('.')),
                    load(Files.readString(file))));
          } catch (IOException | IllegalArgumentException e) {
            problems.add(problem(origin, "cannot read the file: " + e.getMessage()));
          }
        }
      } catch (IOException e) {
        problems.add(problem(FOLDER, "cannot list the folder: " + e.getMessage()));
      }
    }
    return candidates;
  }

  private static boolean isServerFile(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file)
        && !name.startsWith(".")
        && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }

  private McpServerRequests.Create fields(Candidate candidate) {
    if (!(candidate.document() instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "must be a mapping of the fields name, url, transport, enabled, headers");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    map.forEach((key, value) -> fields.put(String.valueOf(key), expand(value)));
    if (candidate.stem() != null) {
      Object name = fields.getOrDefault("name", candidate.stem());
      if (!candidate.stem().equals(name)) {
        throw new IllegalArgumentException(
            "name '"
                + name
                + "' must equal the file name '"
                + candidate.stem()
                + "' (or be left out)");
      }
      fields.put("name", candidate.stem());
    }
    if ("stdio".equals(fields.get("transport"))) {
      throw new IllegalArgumentException(
          "transport: stdio servers are not supported; give an http or https URL");
    }
    if (fields.containsKey("scope")) {
      throw new IllegalArgumentException("scope: file servers are global; remove the field");
    }
    try {
      return json.mapper().convertValue(fields, McpServerRequests.Create.class);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an MCP server: " + firstLine(e.getMessage()), e);
    }
  }

  /** Expands placeholders in every text value, inside lists and mappings too. */
  private Object expand(Object value) {
    if (value instanceof String text) {
      return placeholders.expand(text);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> expanded = new LinkedHashMap<>();
      map.forEach((key, item) -> expanded.put(String.valueOf(key), expand(item)));
      return expanded;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(this::expand).toList();
    }
    return value;
  }

  private static Object load(String text) {
    try {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("not valid YAML: " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static SeedProblem problem(String where, String reason) {
    return new SeedProblem(RegistryKind.MCP_SERVER, where, reason);
  }
}
