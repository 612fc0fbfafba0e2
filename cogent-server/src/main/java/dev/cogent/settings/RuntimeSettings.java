package dev.cogent.settings;

/**
 * How the agent runtime talks to the outside world.
 *
 * @param callbackSigningSecret the HMAC-SHA256 key of the {@code X-Cogent-Signature} header on
 *     completion callbacks; null sends them unsigned. A secret: never logged or shown.
 */
public record RuntimeSettings(String callbackSigningSecret) {

  public RuntimeSettings {
    if (callbackSigningSecret != null && callbackSigningSecret.isBlank()) {
      callbackSigningSecret = null;
    }
  }

  @Override
  public String toString() {
    return "RuntimeSettings[callbackSigningSecret="
        + (callbackSigningSecret == null ? "none" : "***")
        + "]";
  }
}
