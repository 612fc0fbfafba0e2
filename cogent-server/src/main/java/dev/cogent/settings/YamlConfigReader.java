package dev.cogent.settings;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one {@code config.yaml} into raw setting values, each with its file and line. Uses
 * SnakeYAML's node API (compose) rather than loading Java objects, so every value and every unknown
 * key carries its line. {@code ${VAR}} placeholders in values are expanded here.
 */
final class YamlConfigReader {

  private final Placeholders placeholders;

  YamlConfigReader(Placeholders placeholders) {
    this.placeholders = placeholders;
  }

  /**
   * Reads {@code file}; a missing file or an empty document gives no values.
   *
   * @throws SettingsException naming the file, the line and the dotted key when the YAML is
   *     malformed, a key is unknown or given twice, a value has the wrong shape, or a placeholder
   *     cannot be expanded
   */
  Map<SettingKey, RawValue> read(Path file) {
    Map<SettingKey, RawValue> values = new EnumMap<>(SettingKey.class);
    if (!Files.exists(file)) {
      return values;
    }
    String text = text(file);
    Node root;
    try {
      root = yaml().compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      throw malformed(file, text, e);
    } catch (YAMLException e) {
      throw new SettingsException("Malformed YAML (" + file + "): " + e.getMessage(), e);
    }
    if (root == null) {
      return values;
    }
    if (!(root instanceof MappingNode mapping)) {
      throw new SettingsException(
          "Malformed config ("
              + file
              + " line "
              + line(root)
              + "): the top level must be a mapping of sections such as server: and store:");
    }
    readMapping(file, mapping, "", values);
    return values;
  }

  /** The file's text. */
  static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new SettingsException("Cannot read " + file + ": it is not UTF-8 text", e);
    } catch (IOException e) {
      throw new SettingsException("Cannot read " + file + ": " + e, e);
    }
  }

  static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowRecursiveKeys(false);
    return new Yaml(options);
  }

  private void readMapping(
      Path file, MappingNode mapping, String prefix, Map<SettingKey, RawValue> values) {
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        throw new SettingsException(
            "Malformed config (" + file + " line " + line(keyNode) + "): keys must be plain names");
      }
      String path = prefix.isEmpty() ? scalarKey.getValue() : prefix + "." + scalarKey.getValue();
      if (!seen.add(scalarKey.getValue())) {
        throw new SettingsException(
            "Duplicate key " + path + " (" + file + " line " + line(keyNode) + ")");
      }
      Node valueNode = tuple.getValueNode();
      Optional<SettingKey> key = SettingKey.findByPath(path);
      if (key.isPresent()) {
        Origin origin = Origin.file(file, line(valueNode));
        values.put(key.get(), new RawValue(raw(file, key.get(), valueNode), origin));
      } else if (SettingKey.STRUCTURED_LISTS.contains(path)) {
        if (!(valueNode instanceof SequenceNode) && !isNull(valueNode)) {
          throw new SettingsException(
              "Invalid "
                  + path
                  + " ("
                  + file
                  + " line "
                  + line(valueNode)
                  + "): expected a list (items start with -)");
        }
      } else if (SettingKey.isSection(path)) {
        if (valueNode instanceof MappingNode section) {
          readMapping(file, section, path, values);
        } else if (!isNull(valueNode)) {
          throw new SettingsException(
              "Invalid section "
                  + path
                  + " ("
                  + file
                  + " line "
                  + line(valueNode)
                  + "): expected a mapping of keys");
        }
      } else {
        throw new SettingsException(
            "Unknown key " + path + " (" + file + " line " + line(keyNode) + ")" + hint(path));
      }
    }
  }

  private Object raw(Path file, SettingKey key, Node node) {
    Origin origin = Origin.file(file, line(node));
    if (node instanceof ScalarNode scalar) {
      return isNull(scalar) ? null : expand(key, scalar.getValue(), origin);
    }
    if (node instanceof SequenceNode sequence) {
      List<String> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        Origin itemOrigin = Origin.file(file, line(item));
        if (!(item instanceof ScalarNode scalar) || isNull(item)) {
          throw SettingsException.invalid(key, itemOrigin, "list items must be plain values", null);
        }
        items.add(expand(key, scalar.getValue(), itemOrigin));
      }
      return items;
    }
    throw SettingsException.invalid(
        key, origin, "expected " + key.type().expected() + ", got a mapping", null);
  }

  private String expand(SettingKey key, String text, Origin origin) {
    try {
      return placeholders.expand(text);
    } catch (IllegalArgumentException e) {
      throw SettingsException.invalid(key, origin, e.getMessage(), e);
    }
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /** A "did you mean" for a near miss such as {@code server.prot}, else the names allowed there. */
  private static String hint(String path) {
    int dot = path.lastIndexOf('.');
    String parent = dot < 0 ? "" : path.substring(0, dot);
    List<String> candidates =
        SettingKey.knownPaths()
            .filter(known -> parent.isEmpty() || known.startsWith(parent + "."))
            .map(known -> known.substring(parent.isEmpty() ? 0 : parent.length() + 1))
            .map(rest -> rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest)
            .distinct()
            .toList();
    String name = path.substring(dot + 1);
    return candidates.stream()
        .filter(candidate -> distance(candidate, name) <= 2)
        .min(Comparator.comparingInt(candidate -> distance(candidate, name)))
        .map(
            candidate ->
                "; did you mean " + (parent.isEmpty() ? "" : parent + ".") + candidate + "?")
        .orElse(
            "; known "
                + (parent.isEmpty() ? "sections" : "keys in " + parent)
                + ": "
                + String.join(", ", candidates));
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  static SettingsException malformed(Path file, String text, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String where = mark == null ? file.toString() : file + " line " + (mark.getLine() + 1);
    String key = keyBeforeError(text);
    String near = key.isEmpty() ? "" : ", near key " + key;
    String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
    if (problem != null && problem.startsWith("but ") && e.getContext() != null) {
      // "but found another document" reads only after its context, "expected a single document".
      problem = e.getContext() + " " + problem;
    }
    return new SettingsException("Malformed YAML (" + where + near + "): " + problem, e);
  }

  /**
   * The dotted key the parser was inside when it failed, found by replaying the parse events up to
   * the error: composing fails without saying where in the key tree it was.
   */
  static String keyBeforeError(String text) {
    Deque<Frame> stack = new ArrayDeque<>();
    try {
      Iterator<Event> events = yaml().parse(new StringReader(text)).iterator();
      while (events.hasNext()) {
        Event event = events.next();
        if (event instanceof MappingStartEvent || event instanceof SequenceStartEvent) {
          stack.push(new Frame(event instanceof MappingStartEvent));
        } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
          stack.pop();
          if (!stack.isEmpty()) {
            stack.peek().valueDone();
          }
        } else if ((event instanceof ScalarEvent || event instanceof AliasEvent)
            && !stack.isEmpty()) {
          stack.peek().scalar(event instanceof ScalarEvent scalar ? scalar.getValue() : "*");
        }
      }
    } catch (YAMLException expected) {
      // The replay stops at the same error; the stack now holds the path to it.
    }
    List<String> keys = new ArrayList<>();
    stack.descendingIterator().forEachRemaining(frame -> frame.key().ifPresent(keys::add));
    return String.join(".", keys);
  }

  /** One open mapping or sequence during the replay. */
  private static final class Frame {
    private final boolean mapping;
    private boolean expectingKey = true;
    private String key;

    Frame(boolean mapping) {
      this.mapping = mapping;
    }

    void scalar(String value) {
      if (!mapping) {
        return;
      }
      if (expectingKey) {
        key = value;
      }
      expectingKey = !expectingKey;
    }

    void valueDone() {
      if (mapping) {
        expectingKey = true;
      }
    }

    Optional<String> key() {
      return mapping ? Optional.ofNullable(key) : Optional.empty();
    }
  }
}
