package dev.cogent.llm;

/**
 * The model a run uses, resolved by {@link ModelResolver}: the provider type ({@code mock}, {@code
 * openai}, …), the model name, and the provider config it came from.
 *
 * @param providerId the id of the provider config; null when a provider type was used without one
 * @param temperature null for the provider's default
 * @param maxTokens null for the provider's default
 * @param spec the provider config (the type's defaults when there is no config row)
 */
public record ModelChoice(
    String provider,
    String model,
    String providerId,
    Double temperature,
    Integer maxTokens,
    ProviderSpec spec) {

  public ModelChoice {
    if (provider == null || provider.isBlank() || model == null || model.isBlank()) {
      throw new IllegalArgumentException("provider and model are required");
    }
    if (spec == null) {
      spec =
          ProviderSpec.defaults(
              ProviderType.fromWire(provider)
                  .orElseThrow(() -> new IllegalArgumentException("unknown provider " + provider)),
              model);
    }
  }

  /** A provider type and model with the type's defaults and no config row. */
  public ModelChoice(String provider, String model) {
    this(provider, model, null, null, null, null);
  }

  public ProviderType type() {
    return spec.type();
  }
}
