package dev.cogent.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A Markdown document with YAML front matter ({@code ---} lines around a YAML mapping at the top),
 * as used by {@code SKILL.md} and Markdown agent files.
 *
 * @param fields the front matter mapping
 * @param body the Markdown after the closing {@code ---}
 */
record FrontMatter(Map<String, Object> fields, String body) {

  FrontMatter {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * Splits and parses {@code text}.
   *
   * @throws IllegalArgumentException with a reason fit for a client when there is no front matter
   *     or it is not a YAML mapping
   */
  static FrontMatter parse(String text) {
    String normalized = text.startsWith("\uFEFF") ? text.substring(1) : text;
    normalized = normalized.replace("\r\n", "\n");
    if (!normalized.startsWith("---\n")) {
      throw new IllegalArgumentException(
          "has no YAML front matter: it must start with a '---' line");
    }
    int end = normalized.indexOf("\n---", 3);
    while (end >= 0) {
      int after = end + 4;
      if (after == normalized.length() || normalized.charAt(after) == '\n') {
        break;
      }
      end = normalized.indexOf("\n---", after);
    }
    if (end < 0) {
      throw new IllegalArgumentException("front matter is not closed by a '---' line");
    }
    String yaml = normalized.substring(4, end + 1);
    int bodyStart = Math.min(normalized.length(), end + 5);
    return new FrontMatter(mapping(yaml), normalized.substring(bodyStart));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapping(String yaml) {
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(
          "front matter is not valid YAML: " + firstLine(e.getMessage()), e);
    }
    if (loaded == null) {
      return Map.of();
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("front matter must be a YAML mapping of keys to values");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    map.forEach((key, value) -> fields.put(String.valueOf(key), value));
    return fields;
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
