package dev.cogent.llm;

import dev.cogent.registry.FileEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The provider configs the environment implies, so that {@code cogent serve} with an API key just
 * works: one global config per provider whose key (or, for {@code openai_compatible}, base URL) is
 * set. They become file rows (read-only through the API) with origin {@code environment}.
 */
final class ProviderBootstrap {

  static final String COMPATIBLE_BASE_URL = "COGENT_OPENAI_COMPATIBLE_BASE_URL";
  static final String COMPATIBLE_MODEL = "COGENT_OPENAI_COMPATIBLE_MODEL";
  static final String ORIGIN = "environment";

  private final Map<String, String> environment;

  ProviderBootstrap(Map<String, String> environment) {
    this.environment = environment;
  }

  List<FileEntry<ProviderSpec>> entries() {
    List<FileEntry<ProviderSpec>> entries = new ArrayList<>();
    if (isSet("OPENAI_API_KEY")) {
      entries.add(entry("openai", ProviderType.OPENAI, "gpt-4o", null, 0));
    }
    if (isSet("ANTHROPIC_API_KEY")) {
      entries.add(entry("anthropic", ProviderType.ANTHROPIC, "claude-sonnet-4-20250514", null, 1));
    }
    if (isSet("GOOGLE_API_KEY")) {
      entries.add(entry("google_genai", ProviderType.GOOGLE_GENAI, "gemini-2.0-flash", null, 2));
    }
    if (isSet(COMPATIBLE_BASE_URL)) {
      String model = isSet(COMPATIBLE_MODEL) ? environment.get(COMPATIBLE_MODEL) : "default";
      entries.add(
          entry(
              "openai_compatible",
              ProviderType.OPENAI_COMPATIBLE,
              model,
              environment.get(COMPATIBLE_BASE_URL).strip(),
              3));
    }
    return entries;
  }

  private boolean isSet(String variable) {
    String value = environment.get(variable);
    return value != null && !value.isBlank();
  }

  private static FileEntry<ProviderSpec> entry(
      String id, ProviderType type, String model, String baseUrl, int priority) {
    return FileEntry.global(
        id,
        ORIGIN,
        new ProviderSpec(
            type.wireName(), model, null, null, true, priority, 2, baseUrl, null, null, Map.of()));
  }
}
