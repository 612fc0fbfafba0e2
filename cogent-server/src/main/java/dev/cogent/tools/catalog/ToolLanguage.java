package dev.cogent.tools.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** What a catalog tool is written in, and so how it runs. */
public enum ToolLanguage {
  /** Python source with {@code @tool} functions or {@code BaseTool} subclasses, run by python3. */
  @JsonProperty("python")
  PYTHON("python", ".py", "runner.py", "tool.py", "python3"),
  /**
   * A CommonJS module exporting tools ({@code name, description, parameters, run}), run by node.
   */
  @JsonProperty("javascript")
  JAVASCRIPT("javascript", ".js", "runner.cjs", "tool.cjs", "node"),
  /** A class of the Java tool SPI, loaded in the server from the classpath or {@code plugins/}. */
  @JsonProperty("java")
  JAVA("java", ".class", null, null, null);

  private final String wireName;
  private final String extension;
  private final String runner;
  private final String sourceFile;
  private final String interpreter;

  ToolLanguage(
      String wireName, String extension, String runner, String sourceFile, String interpreter) {
    this.wireName = wireName;
    this.extension = extension;
    this.runner = runner;
    this.sourceFile = sourceFile;
    this.interpreter = interpreter;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether its tools run as subprocesses ({@link CodeRunner}). */
  boolean isCode() {
    return runner != null;
  }

  String runner() {
    return runner;
  }

  String sourceFile() {
    return sourceFile;
  }

  String interpreter() {
    return interpreter;
  }

  static Optional<ToolLanguage> find(String wireName) {
    return Arrays.stream(values()).filter(l -> l.wireName.equals(wireName)).findFirst();
  }

  /** The code language of a file under {@code .cogent/tools/}, by its extension. */
  static Optional<ToolLanguage> ofFile(String fileName) {
    return Arrays.stream(values())
        .filter(ToolLanguage::isCode)
        .filter(l -> fileName.endsWith(l.extension))
        .findFirst();
  }
}
