package dev.cogent.tools;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the JSON schemas of the built-in tools' arguments as nested, unmodifiable maps. */
final class ToolSchema {

  private ToolSchema() {}

  /**
   * An object schema that allows no other properties.
   *
   * @param properties the properties, in order, as name and schema pairs
   */
  static Map<String, Object> object(List<String> required, Object... properties) {
    Map<String, Object> byName = new LinkedHashMap<>();
    for (int index = 0; index < properties.length; index += 2) {
      byName.put((String) properties[index], properties[index + 1]);
    }
    if (!byName.keySet().containsAll(required)) {
      throw new IllegalArgumentException("required " + required + " not all in " + byName.keySet());
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", Collections.unmodifiableMap(byName));
    schema.put("required", List.copyOf(required));
    schema.put("additionalProperties", false);
    return Collections.unmodifiableMap(schema);
  }

  static Map<String, Object> string(String description) {
    return Map.of("type", "string", "description", description);
  }

  static Map<String, Object> string(String description, List<String> choices, String fallback) {
    return Map.of(
        "type", "string", "description", description, "enum", choices, "default", fallback);
  }

  static Map<String, Object> integer(String description, int minimum, int maximum) {
    return Map.of(
        "type", "integer", "description", description, "minimum", minimum, "maximum", maximum);
  }

  static Map<String, Object> integer(String description, int minimum, int maximum, int fallback) {
    return Map.of(
        "type",
        "integer",
        "description",
        description,
        "minimum",
        minimum,
        "maximum",
        maximum,
        "default",
        fallback);
  }

  static Map<String, Object> bool(String description, boolean fallback) {
    return Map.of("type", "boolean", "description", description, "default", fallback);
  }
}
