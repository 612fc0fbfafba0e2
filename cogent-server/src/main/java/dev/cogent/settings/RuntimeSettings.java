package dev.cogent.settings;

import java.util.List;

/**
 * How the agent runtime runs agents and talks to the outside world.
 *
 * @param callbackSigningSecret the HMAC-SHA256 key of the {@code X-Cogent-Signature} header on
 *     completion callbacks; null sends them unsigned. A secret: never logged or shown.
 * @param blockedTools tools no agent may call (they are not offered to the model either)
 * @param protectedPaths workspace paths (and everything below them) that {@code write_file} and
 *     {@code edit_file} may not change
 * @param summarizationTriggerPercent the share of the model's context window at which older turns
 *     are summarized
 * @param defaultContextWindowTokens the context window of a model the catalog does not know
 * @param memoryFeedbackInfluence how much the {@code feedback_weight} of graph elements moves
 *     memory's triplet scores ({@code memory.feedback_influence}, 0 to 1)
 * @param largeToolResultBytes tool results longer than this are saved to a workspace file and the
 *     model gets a pointer to it
 */
public record RuntimeSettings(
    String callbackSigningSecret,
    List<String> blockedTools,
    List<String> protectedPaths,
    int summarizationTriggerPercent,
    int defaultContextWindowTokens,
    int largeToolResultBytes,
    double memoryFeedbackInfluence) {

  public RuntimeSettings {
    if (callbackSigningSecret != null && callbackSigningSecret.isBlank()) {
      callbackSigningSecret = null;
    }
    blockedTools = blockedTools == null ? List.of() : List.copyOf(blockedTools);
    protectedPaths = protectedPaths == null ? List.of() : List.copyOf(protectedPaths);
    if (summarizationTriggerPercent < 10 || summarizationTriggerPercent > 100) {
      throw new IllegalArgumentException(
          "runtime.summarization_trigger_percent must be between 10 and 100");
    }
    if (defaultContextWindowTokens < 100) {
      throw new IllegalArgumentException(
          "runtime.default_context_window_tokens must be at least 100");
    }
    if (largeToolResultBytes < 256) {
      throw new IllegalArgumentException("runtime.large_tool_result_bytes must be at least 256");
    }
    if (!(memoryFeedbackInfluence >= 0 && memoryFeedbackInfluence <= 1)) {
      throw new IllegalArgumentException("memory.feedback_influence must be between 0 and 1");
    }
  }

  /** The defaults of every field but the secret. */
  public static RuntimeSettings withSecret(String callbackSigningSecret) {
    return new RuntimeSettings(
        callbackSigningSecret, List.of(), List.of(".cogent"), 85, 128_000, 50_000, 0.0);
  }

  @Override
  public String toString() {
    return "RuntimeSettings[callbackSigningSecret="
        + (callbackSigningSecret == null ? "none" : "***")
        + ", blockedTools="
        + blockedTools
        + ", protectedPaths="
        + protectedPaths
        + ", summarizationTriggerPercent="
        + summarizationTriggerPercent
        + ", defaultContextWindowTokens="
        + defaultContextWindowTokens
        + ", largeToolResultBytes="
        + largeToolResultBytes
        + ", memoryFeedbackInfluence="
        + memoryFeedbackInfluence
        + "]";
  }
}
