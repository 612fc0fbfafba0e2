package dev.cogent.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One document to add to memory: a file's bytes with its name and media type. The server accepts
 * txt, md, html, csv, json, pdf and docx (415 otherwise), judged by the name's extension or the
 * media type.
 */
public record Upload(String fileName, String contentType, byte[] bytes) {

  private static final Map<String, String> TYPES =
      Map.of(
          "txt", "text/plain",
          "md", "text/markdown",
          "html", "text/html",
          "htm", "text/html",
          "csv", "text/csv",
          "json", "application/json",
          "pdf", "application/pdf",
          "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  public Upload {
    if (fileName == null || fileName.isBlank()) {
      throw new IllegalArgumentException("fileName is required");
    }
    if (contentType == null || contentType.isBlank()) {
      throw new IllegalArgumentException("contentType is required");
    }
    if (bytes == null) {
      throw new IllegalArgumentException("bytes are required");
    }
  }

  /** A text document, sent as {@code text.txt}. */
  public static Upload text(String text) {
    return new Upload("text.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads {@code file}; its media type follows the extension ({@code application/octet-stream} for
   * an unknown one, which the server refuses with 415).
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Upload of(Path file) {
    String name = file.getFileName().toString();
    String extension =
        name.contains(".")
            ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
            : "";
    try {
      return new Upload(
          name,
          TYPES.getOrDefault(extension, "application/octet-stream"),
          Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The size in bytes. */
  public int size() {
    return bytes.length;
  }
}
