package dev.cogent.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code .env} file: {@code KEY=VALUE} lines, {@code #} comments, an optional {@code export }
 * prefix, and values optionally in single quotes (taken literally) or double quotes (with {@code
 * \n}, {@code \t}, {@code \"} and {@code \\} escapes). An unquoted value ends at a {@code #} that
 * follows whitespace. A name given twice keeps its last value. Variables in the real environment
 * win over the same names here; that is the loader's business, not this class's.
 *
 * @param file the file read, for messages
 * @param entries every variable by name
 */
record DotEnvFile(Path file, Map<String, DotEnvFile.Entry> entries) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** One variable: its value and the 1-based line that set it. */
  record Entry(String value, int line) {}

  DotEnvFile {
    entries = Map.copyOf(entries);
  }

  /**
   * Reads {@code file}; a missing file is an empty {@code .env}.
   *
   * @throws SettingsException naming the file and line of a malformed line (never its content,
   *     which may hold a secret), or when the file cannot be read
   */
  static DotEnvFile read(Path file) {
    if (!Files.exists(file)) {
      return new DotEnvFile(file, Map.of());
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SettingsException("Cannot read .env file " + file + ": " + e.getMessage(), e);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (int index = 0; index < lines.size(); index++) {
      int lineNumber = index + 1;
      String line = lines.get(index).strip();
      if (index == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ") || line.startsWith("export\t")) {
        line = line.substring("export".length()).strip();
      }
      int equals = line.indexOf('=');
      if (equals < 0) {
        throw malformed(file, lineNumber, "expected KEY=VALUE");
      }
      String name = line.substring(0, equals).strip();
      if (!NAME.matcher(name).matches()) {
        throw malformed(file, lineNumber, "'" + name + "' is not a valid variable name");
      }
      String value;
      try {
        value = value(line.substring(equals + 1).strip());
      } catch (IllegalArgumentException e) {
        throw malformed(file, lineNumber, name + ": " + e.getMessage());
      }
      entries.put(name, new Entry(value, lineNumber));
    }
    return new DotEnvFile(file, entries);
  }

  Optional<Entry> find(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /** Every variable's value by name, for {@code ${VAR}} expansion. */
  Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    entries.forEach((name, entry) -> values.put(name, entry.value()));
    return values;
  }

  private static String value(String raw) {
    if (raw.startsWith("'")) {
      int close = raw.indexOf('\'', 1);
      if (close < 0) {
        throw new IllegalArgumentException("unterminated single quote");
      }
      requireNothingAfter(raw.substring(close + 1));
      return raw.substring(1, close);
    }
    if (raw.startsWith("\"")) {
      StringBuilder value = new StringBuilder();
      for (int i = 1; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '"') {
          requireNothingAfter(raw.substring(i + 1));
          return value.toString();
        }
        if (c == '\\' && i + 1 < raw.length()) {
          char escaped = raw.charAt(++i);
          value.append(
              switch (escaped) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                default -> escaped;
              });
        } else {
          value.append(c);
        }
      }
      throw new IllegalArgumentException("unterminated double quote");
    }
    int comment = commentStart(raw);
    return (comment < 0 ? raw : raw.substring(0, comment)).strip();
  }

  /** The index of a {@code #} that starts a comment (at the start or after whitespace), or -1. */
  private static int commentStart(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  private static void requireNothingAfter(String rest) {
    String trimmed = rest.strip();
    if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
      throw new IllegalArgumentException("unexpected text after the closing quote");
    }
  }

  private static SettingsException malformed(Path file, int line, String problem) {
    return new SettingsException(
        "Malformed .env file (" + file + " line " + line + "): " + problem);
  }
}
