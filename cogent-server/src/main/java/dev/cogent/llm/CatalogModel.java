package dev.cogent.llm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One model of the catalog as {@code GET /models} serves it (spec 001, "Models"). Limits and prices
 * are null when the catalog does not know them; costs are US dollars per million tokens.
 *
 * @param provider the Cogent provider type ({@code openai}, {@code bedrock}, …)
 * @param capabilities some of {@code tool_call}, {@code reasoning}, {@code attachment}, {@code
 *     vision}, {@code structured_output}, in that order
 * @param status null while active, else {@code deprecated} or {@code beta}
 */
public record CatalogModel(
    @JsonProperty("id") String id,
    @JsonProperty("provider") String provider,
    @JsonProperty("display_name") String displayName,
    @JsonProperty("context_window") Integer contextWindow,
    @JsonProperty("output_limit") Integer outputLimit,
    @JsonProperty("capabilities") List<String> capabilities,
    @JsonProperty("input_cost") Double inputCost,
    @JsonProperty("output_cost") Double outputCost,
    @JsonProperty("modalities") Modalities modalities,
    @JsonProperty("family") String family,
    @JsonProperty("status") String status) {

  public static final String TOOL_CALL = "tool_call";

  public CatalogModel {
    if (id == null || id.isBlank() || provider == null) {
      throw new IllegalArgumentException("a catalog model needs an id and a provider");
    }
    capabilities = List.copyOf(capabilities);
  }

  /** What a model reads and writes: {@code text}, {@code image}, {@code audio}, … */
  public record Modalities(
      @JsonProperty("input") List<String> input, @JsonProperty("output") List<String> output) {

    public Modalities {
      input = List.copyOf(input);
      output = List.copyOf(output);
    }
  }

  public boolean hasToolCall() {
    return capabilities.contains(TOOL_CALL);
  }
}
