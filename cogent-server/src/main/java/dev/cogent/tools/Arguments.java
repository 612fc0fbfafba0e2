package dev.cogent.tools;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of one tool call, read by type. The runtime validates them against the tool's
 * schema first; these checks repeat that, so a tool called directly still fails with a message the
 * model can act on ({@link ToolFailure}) instead of a {@link ClassCastException}.
 */
final class Arguments {

  private final String tool;
  private final Map<String, Object> values;

  private Arguments(String tool, Map<String, Object> values) {
    this.tool = tool;
    this.values = values;
  }

  /**
   * The arguments of a call to {@code tool}, whose schema allows exactly the names in {@code
   * schema}'s {@code properties}.
   */
  @SuppressWarnings("unchecked")
  static Arguments of(String tool, Map<String, Object> schema, Map<String, Object> values) {
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(properties.keySet());
    if (!unknown.isEmpty()) {
      throw new ToolFailure(
          "Error: "
              + tool
              + " has no argument "
              + String.join(", ", unknown)
              + "; its arguments are "
              + String.join(", ", properties.keySet()));
    }
    return new Arguments(tool, values);
  }

  String string(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new ToolFailure("Error: " + tool + " needs the argument " + name);
    }
    if (!(value instanceof String text)) {
      throw wrongType(name, "a string");
    }
    return text;
  }

  String string(String name, String fallback) {
    return values.get(name) == null ? fallback : string(name);
  }

  boolean bool(String name, boolean fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean flag)) {
      throw wrongType(name, "true or false");
    }
    return flag;
  }

  /** A whole number from {@code min} to {@code max}; {@code 3.0} counts as whole. */
  int integer(String name, int fallback, int min, int max) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number)) {
      throw wrongType(name, "an integer");
    }
    BigDecimal decimal = new BigDecimal(number.toString());
    if (decimal.stripTrailingZeros().scale() > 0) {
      throw wrongType(name, "an integer");
    }
    if (decimal.compareTo(BigDecimal.valueOf(min)) < 0
        || decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new ToolFailure(
          "Error: " + name + " must be from " + min + " to " + max + ", got " + number);
    }
    return decimal.intValueExact();
  }

  private ToolFailure wrongType(String name, String expected) {
    return new ToolFailure("Error: the argument " + name + " of " + tool + " must be " + expected);
  }
}
