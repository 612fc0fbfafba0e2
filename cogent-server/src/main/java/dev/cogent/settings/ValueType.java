package dev.cogent.settings;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The value types of {@link SettingKey}s and how each is read from text (a YAML scalar, an
 * environment variable, a flag) and from a parsed JSON value ({@code PATCH /config}). Problems are
 * reported as {@link IllegalArgumentException}s whose message says what was expected; callers add
 * the key and the source.
 */
enum ValueType {
  TEXT(false, "a string"),
  OPTIONAL_TEXT(true, "a string or null"),
  INTEGER(false, "an integer"),
  OPTIONAL_INTEGER(true, "an integer or null"),
  LONG(false, "an integer"),
  DOUBLE(false, "a number"),
  BOOLEAN(false, "a boolean (true/false, 1/0, yes/no)"),
  LOG_LEVEL(false, "one of trace, debug, info, warn, error"),
  SECONDS(false, "a whole number of seconds"),
  PATH(false, "a path"),
  KEY_LIST(false, "a list of names, a comma list or a JSON array"),
  /** Like {@link #KEY_LIST}, but case is kept (tool names, paths). */
  NAME_LIST(false, "a list of names, a comma list or a JSON array");

  private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");

  private final boolean optional;
  private final String expected;

  ValueType(boolean optional, String expected) {
    this.optional = optional;
    this.expected = expected;
  }

  /** What a value of this type looks like, for error messages and docs. */
  String expected() {
    return expected;
  }

  /**
   * Reads a raw setting value.
   *
   * @param raw a {@link String}, a {@code List<String>} (a YAML sequence) or null (a YAML null)
   * @return the typed value: String, Integer, Long, Boolean, Duration, Path, {@code List<String>},
   *     or null for an optional type given nothing
   * @throws IllegalArgumentException when the value does not fit
   */
  Object parse(Object raw) {
    if (raw == null) {
      if (optional) {
        return null;
      }
      throw new IllegalArgumentException("requires a value, expected " + expected);
    }
    if (raw instanceof List<?> list) {
      if (this != KEY_LIST && this != NAME_LIST) {
        throw new IllegalArgumentException("expected " + expected + ", got a list");
      }
      return this == KEY_LIST ? keys(list) : names(list);
    }
    String text = raw.toString().trim();
    return switch (this) {
      case TEXT -> raw.toString();
      case OPTIONAL_TEXT -> text.isEmpty() ? null : raw.toString();
      case INTEGER -> parseInt(text);
      case OPTIONAL_INTEGER -> text.isEmpty() ? null : parseInt(text);
      case LONG -> parseLong(text);
      case DOUBLE -> parseDouble(text);
      case BOOLEAN -> parseBoolean(text);
      case LOG_LEVEL -> parseLogLevel(text);
      case SECONDS -> parseSeconds(text);
      case PATH -> parsePath(text);
      case KEY_LIST -> keys(parseList(text));
      case NAME_LIST -> names(parseList(text));
    };
  }

  /**
   * Checks a value from a parsed JSON body; JSON is typed, so no text is coerced here (a string
   * {@code "120"} is not an integer).
   *
   * @return the value to store: Integer, Boolean, String or null
   * @throws IllegalArgumentException when the JSON type does not fit
   */
  Object fromJson(Object value) {
    if (value == null) {
      if (optional) {
        return null;
      }
      throw new IllegalArgumentException("must not be null, expected " + expected);
    }
    switch (this) {
      case INTEGER:
      case OPTIONAL_INTEGER:
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
          BigInteger number = new BigInteger(value.toString());
          if (number.bitLength() < 32) {
            return number.intValue();
          }
          throw new IllegalArgumentException("is out of range: " + value);
        }
        break;
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        break;
      case TEXT:
        if (value instanceof String) {
          return value;
        }
        break;
      case OPTIONAL_TEXT:
        if (value instanceof String text) {
          // The loader reads a blank optional string as "none"; store what a restart would read.
          return text.isBlank() ? null : text;
        }
        break;
      default:
        throw new IllegalStateException(this + " values cannot be changed at runtime");
    }
    throw new IllegalArgumentException("expected " + jsonExpected() + ", got " + jsonKind(value));
  }

  private String jsonExpected() {
    String kind =
        switch (this) {
          case INTEGER, OPTIONAL_INTEGER -> "an integer";
          case BOOLEAN -> "a boolean";
          default -> "a string";
        };
    return optional ? kind + " or null" : kind;
  }

  private IllegalArgumentException mismatch(String text) {
    return new IllegalArgumentException("expected " + expected + ", got '" + text + "'");
  }

  private int parseInt(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw mismatch(text);
    }
  }

  private double parseDouble(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw mismatch(text);
    }
  }

  private long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw mismatch(text);
    }
  }

  private Boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> Boolean.TRUE;
      case "false", "0", "no" -> Boolean.FALSE;
      default -> throw mismatch(text);
    };
  }

  private String parseLogLevel(String text) {
    String level = text.toLowerCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      throw mismatch(text);
    }
    return level;
  }

  private Duration parseSeconds(String text) {
    long seconds = parseLong(text);
    if (seconds < 0) {
      throw new IllegalArgumentException("must not be negative, got " + seconds);
    }
    return Duration.ofSeconds(seconds);
  }

  private Path parsePath(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("requires a value, expected " + expected);
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("is not a valid path: " + e.getMessage(), e);
    }
  }

  /** {@code user,project} or {@code ["user","project"]}; blank text is the empty list. */
  private static List<?> parseList(String text) {
    if (!text.startsWith("[")) {
      return List.of(text.split(",", -1));
    }
    Object parsed;
    try {
      // JSON is YAML: SnakeYAML reads the array without a second parser.
      parsed = new Yaml(new LoaderOptions()).load(text);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("is not a valid JSON array: " + text, e);
    }
    if (!(parsed instanceof List<?> list)) {
      throw new IllegalArgumentException("is not a valid JSON array: " + text);
    }
    for (Object element : list) {
      if (!(element instanceof String)) {
        throw new IllegalArgumentException("JSON array elements must be strings, got " + element);
      }
    }
    return list;
  }

  /** Trimmed, lower-cased, blanks dropped, duplicates removed, order kept. */
  private static List<String> keys(List<?> raw) {
    return names(raw.stream().map(e -> String.valueOf(e).toLowerCase(Locale.ROOT)).toList());
  }

  /** Trimmed, blanks dropped, duplicates removed, order kept. */
  private static List<String> names(List<?> raw) {
    Set<String> keys = new LinkedHashSet<>();
    for (Object element : raw) {
      String key = String.valueOf(element).trim();
      if (!key.isEmpty()) {
        keys.add(key);
      }
    }
    return List.copyOf(new ArrayList<>(keys));
  }

  private static String jsonKind(Object value) {
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Number) {
      return "the number " + value;
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value instanceof java.util.Map) {
      return "an object";
    }
    return value.getClass().getSimpleName();
  }
}
