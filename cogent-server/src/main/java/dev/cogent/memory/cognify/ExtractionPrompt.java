package dev.cogent.memory.cognify;

/**
 * What shapes extraction beyond the default.
 *
 * @param customPrompt replaces the default system prompt; null for the default
 * @param graphSchema a JSON Schema the answer must follow; null for the default graph model
 */
public record ExtractionPrompt(String customPrompt, String graphSchema) {

  public static final ExtractionPrompt DEFAULT = new ExtractionPrompt(null, null);
}
