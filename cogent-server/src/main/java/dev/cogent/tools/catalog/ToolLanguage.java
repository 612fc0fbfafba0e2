package dev.cogent.tools.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** What a catalog tool is written in, and so how it runs. */
public enum ToolLanguage {
  /**
   * Python source with {@code @tool} functions or {@code BaseTool} subclasses, run by the
   * interpreter of {@code tools.python_path}.
   */
  @JsonProperty("python")
  PYTHON("python", ".py", "runner.py", "tool.py"),
  /**
   * A CommonJS module exporting tools ({@code name, description, parameters, run}), run by the
   * interpreter of {@code tools.node_path}.
   */
  @JsonProperty("javascript")
  JAVASCRIPT("javascript", ".js", "runner.cjs", "tool.cjs"),
  /** A class of the Java tool SPI, loaded in the server from the classpath or {@code plugins/}. */
  @JsonProperty("java")
  JAVA("java", ".class", null, null);

  private final String wireName;
  private final String extension;
  private final String runner;
  private final String sourceFile;

  ToolLanguage(String wireName, String extension, String runner, String sourceFile) {
    this.wireName = wireName;
    this.extension = extension;
    this.runner = runner;
    this.sourceFile = sourceFile;
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
