package dev.cogent.settings;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The project's {@code .cogent/config.yaml} as {@code PATCH /config} edits it. Changes are merged
 * into the file's YAML node tree, so other keys, comments and {@code ${VAR}} placeholders stay as
 * they were written; only the changed values are replaced or added.
 */
final class ProjectConfigFile {

  private final Path file;

  ProjectConfigFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  /** The file's text, or empty when the file does not exist. */
  Optional<String> read() {
    return Files.exists(file) ? Optional.of(YamlConfigReader.text(file)) : Optional.empty();
  }

  /**
   * The text the file would have with {@code changes} applied.
   *
   * @param text the current text, or empty for a file that does not exist yet
   * @param changes new values (Integer, Boolean, String or null) by two-part dotted path
   * @throws SettingsException when the current text is not a YAML mapping
   */
  String merge(Optional<String> text, Map<String, Object> changes) {
    Yaml yaml = yaml();
    Node root;
    try {
      root = text.map(content -> yaml.compose(new StringReader(content))).orElse(null);
    } catch (MarkedYAMLException e) {
      throw YamlConfigReader.malformed(file, text.orElse(""), e);
    } catch (YAMLException e) {
      throw new SettingsException("Malformed YAML (" + file + "): " + e.getMessage(), e);
    }
    MappingNode mapping = asMapping(root);
    changes.forEach(
        (path, value) -> {
          int dot = path.indexOf('.');
          MappingNode section = section(mapping, path.substring(0, dot));
          put(section, path.substring(dot + 1), yaml.represent(value));
        });
    StringWriter out = new StringWriter();
    yaml.serialize(mapping, out);
    return out.toString();
  }

  void write(String text) throws IOException {
    AtomicWrite.replace(file, text);
  }

  void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  private MappingNode asMapping(Node root) {
    if (root instanceof MappingNode mapping && Tag.MAP.equals(mapping.getTag())) {
      return mapping;
    }
    // An empty file, or one with only comments (which SnakeYAML composes as a null scalar or a
    // "comment" node): start a mapping that keeps the comments.
    if (root == null || root.getTag().equals(Tag.NULL) || root.getTag().equals(Tag.COMMENT)) {
      MappingNode mapping = newMapping();
      if (root != null) {
        mapping.setBlockComments(root.getBlockComments());
        mapping.setEndComments(root.getEndComments());
      }
      return mapping;
    }
    throw new SettingsException(
        "Malformed config (" + file + "): the top level must be a mapping of sections");
  }

  private MappingNode section(MappingNode root, String name) {
    for (int i = 0; i < root.getValue().size(); i++) {
      NodeTuple tuple = root.getValue().get(i);
      if (isKey(tuple, name)) {
        if (tuple.getValueNode() instanceof MappingNode existing) {
          return existing;
        }
        // "rate_limit:" with no value: give it a mapping in place, keeping its position.
        MappingNode created = newMapping();
        created.setInLineComments(tuple.getValueNode().getInLineComments());
        root.getValue().set(i, new NodeTuple(tuple.getKeyNode(), created));
        return created;
      }
    }
    MappingNode created = newMapping();
    root.getValue().add(new NodeTuple(scalarKey(name), created));
    return created;
  }

  private static void put(MappingNode section, String name, Node value) {
    for (int i = 0; i < section.getValue().size(); i++) {
      NodeTuple tuple = section.getValue().get(i);
      if (isKey(tuple, name)) {
        // Keep a trailing "# comment" that was attached to the old value.
        value.setInLineComments(tuple.getValueNode().getInLineComments());
        section.getValue().set(i, new NodeTuple(tuple.getKeyNode(), value));
        return;
      }
    }
    section.getValue().add(new NodeTuple(scalarKey(name), value));
  }

  private static boolean isKey(NodeTuple tuple, String name) {
    return tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name);
  }

  private static ScalarNode scalarKey(String name) {
    return new ScalarNode(Tag.STR, name, null, null, DumperOptions.ScalarStyle.PLAIN);
  }

  private static MappingNode newMapping() {
    return new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
  }

  private static Yaml yaml() {
    LoaderOptions loading = new LoaderOptions();
    loading.setProcessComments(true);
    loading.setAllowRecursiveKeys(false);
    DumperOptions dumping = new DumperOptions();
    dumping.setProcessComments(true);
    dumping.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    // Keep long values (URLs) on one line, as people write them.
    dumping.setSplitLines(false);
    return new Yaml(loading, dumping);
  }
}
