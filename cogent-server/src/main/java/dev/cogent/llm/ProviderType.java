package dev.cogent.llm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The provider types of spec 001 ("Models"): which client a provider config builds and which of the
 * transport fields it requires or rejects.
 */
public enum ProviderType {
  OPENAI("openai", "OPENAI_API_KEY", "openai"),
  ANTHROPIC("anthropic", "ANTHROPIC_API_KEY", "anthropic"),
  BEDROCK("bedrock", null, "amazon-bedrock"),
  // The models behind an OpenAI-compatible URL depend on the upstream service (spec 001).
  OPENAI_COMPATIBLE("openai_compatible", "COGENT_OPENAI_COMPATIBLE_API_KEY", null),
  GOOGLE_GENAI("google_genai", "GOOGLE_API_KEY", "google"),
  GOOGLE_VERTEXAI("google_vertexai", null, "google-vertex"),
  MOCK("mock", null, null);

  private final String wireName;
  private final String defaultApiKeyEnv;
  private final String catalogId;

  ProviderType(String wireName, String defaultApiKeyEnv, String catalogId) {
    this.wireName = wireName;
    this.defaultApiKeyEnv = defaultApiKeyEnv;
    this.catalogId = catalogId;
  }

  /** The provider id of the models.dev catalog that lists this type's models; empty when none. */
  public Optional<String> catalogId() {
    return Optional.ofNullable(catalogId);
  }

  public String wireName() {
    return wireName;
  }

  /** The environment variable holding the API key when a config names none; empty when none. */
  public Optional<String> defaultApiKeyEnv() {
    return Optional.ofNullable(defaultApiKeyEnv);
  }

  /** {@code base_url} is required for, and only allowed on, {@code openai_compatible}. */
  public boolean takesBaseUrl() {
    return this == OPENAI_COMPATIBLE;
  }

  /** {@code region} is required for, and {@code role_arn} only allowed on, {@code bedrock}. */
  public boolean takesRegion() {
    return this == BEDROCK;
  }

  public static Optional<ProviderType> fromWire(String value) {
    return Arrays.stream(values()).filter(type -> type.wireName.equals(value)).findFirst();
  }

  /** The wire names, for messages. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(ProviderType::wireName).toList();
  }
}
