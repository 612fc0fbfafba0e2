package dev.cogent.llm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The provider types of spec 001 ("Models"): which client a provider config builds and which of the
 * transport fields it requires or rejects.
 */
public enum ProviderType {
  OPENAI("openai", "OPENAI_API_KEY"),
  ANTHROPIC("anthropic", "ANTHROPIC_API_KEY"),
  BEDROCK("bedrock", null),
  OPENAI_COMPATIBLE("openai_compatible", "COGENT_OPENAI_COMPATIBLE_API_KEY"),
  GOOGLE_GENAI("google_genai", "GOOGLE_API_KEY"),
  GOOGLE_VERTEXAI("google_vertexai", null),
  MOCK("mock", null);

  private final String wireName;
  private final String defaultApiKeyEnv;

  ProviderType(String wireName, String defaultApiKeyEnv) {
    this.wireName = wireName;
    this.defaultApiKeyEnv = defaultApiKeyEnv;
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
