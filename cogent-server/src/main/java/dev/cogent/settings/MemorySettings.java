package dev.cogent.settings;

/**
 * Limits of the knowledge-graph memory (docs/memory.md).
 *
 * @param maxUploadBytes the most bytes of files and texts that one {@code add}, {@code remember} or
 *     {@code update} request may carry; more is answered with 413 and nothing is stored
 * @param maxUploadFiles the most files and texts that one such request may carry
 */
public record MemorySettings(long maxUploadBytes, int maxUploadFiles) {

  /** The built-in defaults: 50 MiB and 1000 files a request. */
  public static final MemorySettings DEFAULTS = new MemorySettings(50L * 1024 * 1024, 1000);

  public MemorySettings {
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("memory.max_upload_bytes must be positive");
    }
    if (maxUploadFiles < 1) {
      throw new IllegalArgumentException("memory.max_upload_files must be positive");
    }
  }
}
