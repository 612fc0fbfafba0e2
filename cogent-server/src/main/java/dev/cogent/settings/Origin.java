package dev.cogent.settings;

import java.nio.file.Path;

/**
 * Where a setting's value came from, as it is named in error messages: {@code
 * /home/ann/.cogent/config.yaml line 4}, {@code environment variable COGENT_PORT}, {@code flag
 * --port}.
 */
record Origin(String description) {

  static final Origin DEFAULT = new Origin("built-in default");

  static Origin file(Path file, int line) {
    return new Origin(file + " line " + line);
  }

  static Origin environment(String variable) {
    return new Origin("environment variable " + variable);
  }

  static Origin dotEnv(Path file, int line, String variable) {
    return new Origin(variable + " in " + file + " line " + line);
  }

  static Origin flag(String name) {
    return new Origin("flag --" + name);
  }

  @Override
  public String toString() {
    return description;
  }
}
