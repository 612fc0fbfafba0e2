package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A model of the catalog; costs are USD per million tokens, null when unknown. */
public record CatalogModel(
    @JsonProperty("id") String id,
    @JsonProperty("provider") String provider,
    @JsonProperty("display_name") String displayName,
    @JsonProperty("context_window") Integer contextWindow,
    @JsonProperty("output_limit") Integer outputLimit,
    @JsonProperty("capabilities") List<String> capabilities,
    @JsonProperty("input_cost") Double inputCost,
    @JsonProperty("output_cost") Double outputCost,
    @JsonProperty("family") String family,
    @JsonProperty("status") String status) {

  public CatalogModel {
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
  }
}
