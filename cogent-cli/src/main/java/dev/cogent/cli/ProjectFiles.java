package dev.cogent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The registry as files under {@code DIR/.cogent/}, the layout the server seeds from: {@code
 * agents/<name>.yaml} (the fields of {@code POST /agents}), {@code skills/<name>/SKILL.md}, plus
 * {@code tools/<name>.yaml}, {@code mcp-servers/<name>.yaml} and {@code providers/<id>.yaml} (the
 * fields of their {@code POST}s), which the CLI pushes through the API. Documents are JSON trees
 * without nulls; a skill's document is {@code {"content": <SKILL.md>}}.
 */
final class ProjectFiles {

  /** The kinds of registry entries, in the order they are pushed (what others refer to first). */
  enum Kind {
    PROVIDER("providers"),
    MCP_SERVER("mcp-servers"),
    TOOL("tools"),
    SKILL("skills"),
    AGENT("agents");

    final String folder;

    Kind(String folder) {
      this.folder = folder;
    }

    String label() {
      return folder.substring(0, folder.length() - 1);
    }
  }

  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Path root;

  ProjectFiles(Path dir) {
    this.root = dir.resolve(".cogent");
  }

  /** Every document on disk, by kind and name, names sorted. */
  Map<Kind, Map<String, JsonNode>> read() {
    Map<Kind, Map<String, JsonNode>> all = new TreeMap<>();
    for (Kind kind : Kind.values()) {
      Map<String, JsonNode> entries = new TreeMap<>();
      Path folder = root.resolve(kind.folder);
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path file : files.sorted().toList()) {
            if (kind == Kind.SKILL) {
              Path skill = file.resolve("SKILL.md");
              if (Files.isRegularFile(skill)) {
                entries.put(
                    file.getFileName().toString(),
                    JSON.createObjectNode().put("content", Files.readString(skill)));
              }
            } else {
              String name = file.getFileName().toString();
              if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                entries.put(name.substring(0, name.lastIndexOf('.')), clean(yaml(file)));
              }
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + folder, e);
        }
      }
      all.put(kind, entries);
    }
    return all;
  }

  /** Writes one document where {@link #read} finds it. */
  void write(Kind kind, String name, JsonNode document) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new ClientCalls.UsageException("unsafe " + kind.label() + " name: " + name);
    }
    try {
      Path folder = Files.createDirectories(root.resolve(kind.folder));
      if (kind == Kind.SKILL) {
        Path skill = Files.createDirectories(folder.resolve(name)).resolve("SKILL.md");
        Files.writeString(skill, document.path("content").asText());
        return;
      }
      DumperOptions options = new DumperOptions();
      options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
      Object plain = JSON.convertValue(document, Object.class);
      Files.writeString(folder.resolve(name + ".yaml"), new Yaml(options).dump(plain));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + kind.folder + "/" + name, e);
    }
  }

  /** The document without null values, empty collections or false flags that are defaults. */
  static JsonNode clean(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    ObjectNode copy = object.deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = copy.fields();
    while (fields.hasNext()) {
      JsonNode value = fields.next().getValue();
      if (value.isNull() || (value.isContainerNode() && value.isEmpty())) {
        fields.remove();
      }
    }
    return copy;
  }

  /** One YAML file as a JSON tree; a file that does not parse is a usage error. */
  static JsonNode yaml(Path file) {
    try {
      Object loaded =
          new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
      return loaded == null ? JSON.createObjectNode() : JSON.valueToTree(loaded);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (RuntimeException e) {
      throw new ClientCalls.UsageException("cannot parse " + file + ": " + e.getMessage());
    }
  }
}
