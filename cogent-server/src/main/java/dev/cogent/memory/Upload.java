package dev.cogent.memory;

/**
 * One file of an {@code add}: its name, the content type the client declared (may be null) and its
 * bytes.
 */
public record Upload(String fileName, String contentType, byte[] bytes) {

  public Upload {
    if (fileName == null || fileName.isBlank()) {
      fileName = "text.txt";
    }
    if (bytes == null) {
      throw new IllegalArgumentException("bytes are required");
    }
  }

  /** Text sent as a plain string (the SDKs send it as a {@code text/plain} part). */
  public static Upload text(String text) {
    return new Upload(
        "text.txt", "text/plain", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
