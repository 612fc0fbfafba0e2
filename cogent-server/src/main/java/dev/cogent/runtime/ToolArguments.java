package dev.cogent.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a tool call's arguments against the tool's JSON schema (the subset tools use: {@code
 * type}, {@code properties}, {@code required}, {@code additionalProperties}, {@code items}, {@code
 * enum}). The problems go back to the model as a failed tool result it can repair.
 */
final class ToolArguments {

  private ToolArguments() {}

  /** Every problem of {@code arguments}, each naming its path; empty when they are valid. */
  static List<String> problems(Map<String, Object> schema, Map<String, Object> arguments) {
    List<String> problems = new ArrayList<>();
    check(schema, arguments, "", problems);
    return problems;
  }

  private static void check(Object schemaNode, Object value, String path, List<String> problems) {
    if (!(schemaNode instanceof Map<?, ?> schema)) {
      return;
    }
    String where = path.isEmpty() ? "arguments" : path;
    if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
      problems.add(where + " must be one of " + allowed);
      return;
    }
    Object type = schema.get("type");
    if (type instanceof String name && !hasType(value, name)) {
      problems.add(where + " must be " + article(name));
      return;
    }
    if (value instanceof Map<?, ?> object) {
      if (schema.get("required") instanceof List<?> required) {
        for (Object key : required) {
          if (!object.containsKey(String.valueOf(key))) {
            problems.add(join(path, String.valueOf(key)) + " is required");
          }
        }
      }
      Map<?, ?> properties = schema.get("properties") instanceof Map<?, ?> p ? p : Map.of();
      boolean closed = Boolean.FALSE.equals(schema.get("additionalProperties"));
      for (Map.Entry<?, ?> entry : object.entrySet()) {
        String key = String.valueOf(entry.getKey());
        if (properties.containsKey(key)) {
          check(properties.get(key), entry.getValue(), join(path, key), problems);
        } else if (closed) {
          problems.add(join(path, key) + " is not a known argument");
        }
      }
    } else if (value instanceof List<?> list && schema.get("items") != null) {
      for (int i = 0; i < list.size(); i++) {
        check(schema.get("items"), list.get(i), where + "[" + i + "]", problems);
      }
    }
  }

  private static boolean hasType(Object value, String type) {
    return switch (type) {
      case "string" -> value instanceof String;
      case "integer" ->
          value instanceof Integer
              || value instanceof Long
              || value instanceof java.math.BigInteger
              || value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      case "array" -> value instanceof List;
      case "object" -> value instanceof Map;
      case "null" -> value == null;
      default -> true;
    };
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "array", "object" -> "an " + type;
      default -> "a " + type;
    };
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
