package dev.cogent.settings;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in config file values from the environment
 * (the real environment over {@code .env}). As in a POSIX shell, {@code :-} also applies when the
 * variable is set but empty. Nothing else is special: there is no nesting and no escape. Also used
 * by features that read their own part of a config file (the {@code mcp} section).
 */
public final class Placeholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern BODY =
      Pattern.compile(
          "(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<fallback>:-(?<default>.*))?", Pattern.DOTALL);

  private final Map<String, String> environment;

  public Placeholders(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Returns {@code text} with every placeholder replaced.
   *
   * @throws IllegalArgumentException naming the variable when one is unset and has no default, or
   *     when a placeholder is malformed
   */
  public String expand(String text) {
    if (!text.contains("${")) {
      return text;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder result = new StringBuilder();
    int end = 0;
    while (matcher.find()) {
      result.append(text, end, matcher.start()).append(resolve(matcher.group(1)));
      end = matcher.end();
    }
    String rest = text.substring(end);
    if (rest.contains("${")) {
      throw new IllegalArgumentException("has an unclosed ${ placeholder");
    }
    return result.append(rest).toString();
  }

  private String resolve(String body) {
    Matcher matcher = BODY.matcher(body);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "has a malformed placeholder ${" + body + "}; write ${NAME} or ${NAME:-default}");
    }
    String name = matcher.group("name");
    String value = environment.get(name);
    if (matcher.group("fallback") != null) {
      return value == null || value.isEmpty() ? matcher.group("default") : value;
    }
    if (value == null) {
      throw new IllegalArgumentException(
          "environment variable "
              + name
              + " is not set; set it or write ${"
              + name
              + ":-default} to give a default");
    }
    return value;
  }
}
