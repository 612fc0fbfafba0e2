package dev.cogent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the models.dev {@code api.json} format: an object of providers by models.dev id (or the
 * same object under {@code "providers"}), each with {@code models} by model id carrying {@code
 * name}, {@code family}, {@code tool_call}, {@code reasoning}, {@code attachment}, {@code
 * structured_output}, {@code modalities}, {@code cost} and {@code limit}. Providers that no Cogent
 * provider type maps to are skipped; so are models without an id.
 */
final class ModelsDevFormat {

  private ModelsDevFormat() {}

  /**
   * The catalog models of each provider type the document lists.
   *
   * @throws IllegalArgumentException when the document is not in this format
   */
  static Map<ProviderType, Map<String, CatalogModel>> read(JsonNode document) {
    JsonNode providers = document.has("providers") ? document.get("providers") : document;
    if (!providers.isObject()) {
      throw new IllegalArgumentException("not a models.dev catalog: expected an object");
    }
    Map<ProviderType, Map<String, CatalogModel>> catalog = new EnumMap<>(ProviderType.class);
    for (ProviderType type : ProviderType.values()) {
      String catalogId = type.catalogId().orElse(null);
      JsonNode provider = catalogId == null ? null : providers.get(catalogId);
      if (provider == null || !provider.path("models").isObject()) {
        continue;
      }
      Map<String, CatalogModel> models = new LinkedHashMap<>();
      provider
          .path("models")
          .fields()
          .forEachRemaining(
              field -> {
                String id = text(field.getValue(), "id", field.getKey());
                if (id != null && !id.isBlank()) {
                  models.put(id, model(type, id, field.getValue()));
                }
              });
      catalog.put(type, models);
    }
    return catalog;
  }

  private static CatalogModel model(ProviderType type, String id, JsonNode node) {
    List<String> capabilities = new ArrayList<>();
    if (node.path("tool_call").asBoolean(false)) {
      capabilities.add(CatalogModel.TOOL_CALL);
    }
    if (node.path("reasoning").asBoolean(false)) {
      capabilities.add("reasoning");
    }
    if (node.path("attachment").asBoolean(false)) {
      capabilities.add("attachment");
    }
    List<String> input = strings(node.path("modalities").path("input"));
    List<String> output = strings(node.path("modalities").path("output"));
    if (input.contains("image")) {
      capabilities.add("vision");
    }
    if (node.path("structured_output").asBoolean(false)) {
      capabilities.add("structured_output");
    }
    return new CatalogModel(
        id,
        type.wireName(),
        text(node, "name", id),
        integer(node.path("limit").path("context")),
        integer(node.path("limit").path("output")),
        capabilities,
        number(node.path("cost").path("input")),
        number(node.path("cost").path("output")),
        new CatalogModel.Modalities(orText(input), orText(output)),
        text(node, "family", null),
        status(text(node, "status", null)));
  }

  /** Spec 001 knows {@code deprecated} and {@code beta}; models.dev also says {@code alpha}. */
  private static String status(String status) {
    if (status == null || status.isBlank() || "active".equals(status)) {
      return null;
    }
    return "deprecated".equals(status) ? "deprecated" : "beta";
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : fallback;
  }

  private static Integer integer(JsonNode node) {
    return node.isNumber() && node.asLong() > 0
        ? (int) Math.min(node.asLong(), Integer.MAX_VALUE)
        : null;
  }

  private static Double number(JsonNode node) {
    return node.isNumber() && node.asDouble() >= 0 ? node.asDouble() : null;
  }

  private static List<String> orText(List<String> modalities) {
    return modalities.isEmpty() ? List.of("text") : modalities;
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(value -> values.add(value.asText()));
    }
    return values;
  }
}
