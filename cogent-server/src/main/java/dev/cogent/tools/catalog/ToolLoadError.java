package dev.cogent.tools.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A tool that could not be loaded, as {@code GET /tools/errors} shows it (spec 001).
 *
 * @param file the file, relative to the project folder ({@code .cogent/tools/broken.py}), or {@code
 *     mcp-servers/<name>} for an MCP server that cannot be reached, or the file of a broken MCP
 *     server entry ({@code .cogent/config.yaml (mcp.servers[1])})
 * @param errorType the kind of error ({@code SyntaxError}, {@code ImportError}, ...)
 * @param timestamp seconds since the epoch when it was found
 */
public record ToolLoadError(
    @JsonProperty("file") String file,
    @JsonProperty("error_type") String errorType,
    @JsonProperty("error") String error,
    @JsonProperty("timestamp") double timestamp) {

  public ToolLoadError {
    if (file == null || errorType == null || error == null) {
      throw new IllegalArgumentException("file, error_type and error are required");
    }
  }
}
