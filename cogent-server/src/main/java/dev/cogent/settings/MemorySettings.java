package dev.cogent.settings;

/**
 * Limits and ranking of the knowledge-graph memory (docs/memory.md).
 *
 * @param maxUploadBytes the most bytes of files and texts that one {@code add}, {@code remember} or
 *     {@code update} request may carry; more is answered with 413 and nothing is stored
 * @param maxUploadFiles the most files and texts that one such request may carry
 * @param feedbackInfluence how much the {@code feedback_weight} of graph elements moves the triplet
 *     scores of the GRAPH_* searches ({@code memory.feedback_influence}, 0 to 1; 0 leaves ranking
 *     unchanged)
 */
public record MemorySettings(long maxUploadBytes, int maxUploadFiles, double feedbackInfluence) {

  /** The built-in defaults: 50 MiB and 1000 files a request, feedback not used for ranking. */
  public static final MemorySettings DEFAULTS = new MemorySettings(50L * 1024 * 1024, 1000, 0.0);

  public MemorySettings {
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("memory.max_upload_bytes must be positive");
    }
    if (maxUploadFiles < 1) {
      throw new IllegalArgumentException("memory.max_upload_files must be positive");
    }
    if (!(feedbackInfluence >= 0 && feedbackInfluence <= 1)) {
      throw new IllegalArgumentException("memory.feedback_influence must be between 0 and 1");
    }
  }
}
