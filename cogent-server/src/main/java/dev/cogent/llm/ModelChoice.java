package dev.cogent.llm;

/** The model a run uses: the provider type ({@code mock}, {@code openai}, …) and the model name. */
public record ModelChoice(String provider, String model) {

  public ModelChoice {
    if (provider == null || provider.isBlank() || model == null || model.isBlank()) {
      throw new IllegalArgumentException("provider and model are required");
    }
  }
}
