package dev.cogent.llm;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cogent.ApiException;
import dev.cogent.scope.Scope;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code GET /models} and {@code GET /models/providers/{id}/models}: the catalog entries of the
 * provider types that have an enabled config in the caller's scope (spec 001, "Models"), never the
 * whole catalog.
 *
 * <p>Thread-safe and stateless.
 */
public final class ModelService {

  private final ModelCatalog catalog;
  private final ProviderService providers;

  public ModelService(ModelCatalog catalog, ProviderService providers) {
    this.catalog = catalog;
    this.providers = providers;
  }

  /**
   * The filters of {@code GET /models}; each is null when absent.
   *
   * @param provider a provider type wire name
   * @param toolCall whether the model can call tools
   * @param q a case-insensitive part of the model id or display name
   */
  public record Query(String provider, Boolean toolCall, String q) {}

  /** One entry of {@code llm.available_providers} in {@code GET /config}. */
  public record AvailableProvider(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("models") List<String> models) {}

  /**
   * The provider types with an enabled config in {@code caller}'s scope, each with the models its
   * configs name (by priority) followed by the other catalog models of the type.
   */
  public List<AvailableProvider> available(Scope caller) {
    Map<String, Set<String>> models = new LinkedHashMap<>();
    for (ProviderConfig config : providers.enabled(caller)) {
      models.computeIfAbsent(config.provider(), type -> new LinkedHashSet<>()).add(config.model());
    }
    return Arrays.stream(ProviderType.values())
        .filter(type -> models.containsKey(type.wireName()))
        .map(
            type -> {
              Set<String> names = models.get(type.wireName());
              catalog.models(type).forEach(model -> names.add(model.id()));
              String wire = type.wireName();
              // The spec's example names the type "Openai" for "openai".
              String name = wire.substring(0, 1).toUpperCase(Locale.ROOT) + wire.substring(1);
              return new AvailableProvider(wire, name, List.copyOf(names));
            })
        .toList();
  }

  /** The catalog models of every provider type with an enabled config in {@code caller}'s scope. */
  public List<CatalogModel> list(Query query, Scope caller) {
    Set<String> enabledTypes =
        providers.enabled(caller).stream()
            .map(ProviderConfig::provider)
            .collect(Collectors.toSet());
    Predicate<CatalogModel> matches = matcher(query);
    return Arrays.stream(ProviderType.values())
        .filter(type -> enabledTypes.contains(type.wireName()))
        .filter(type -> query.provider() == null || query.provider().equals(type.wireName()))
        .flatMap(type -> catalog.models(type).stream())
        .filter(matches)
        .toList();
  }

  /**
   * The catalog models of the type of provider config {@code id}; empty for {@code
   * openai_compatible} and {@code mock}, whose models the catalog cannot know.
   *
   * @throws ApiException 404 when no config of that id is visible in {@code caller}'s scope
   */
  public List<CatalogModel> listForProvider(String id, Scope caller) {
    ProviderConfig config = providers.get(id, caller);
    return ProviderType.fromWire(config.provider()).map(catalog::models).orElse(List.of());
  }

  private static Predicate<CatalogModel> matcher(Query query) {
    String q = query.q() == null || query.q().isBlank() ? null : lower(query.q().strip());
    return model ->
        (query.toolCall() == null || model.hasToolCall() == query.toolCall())
            && (q == null
                || lower(model.id()).contains(q)
                || (model.displayName() != null && lower(model.displayName()).contains(q)));
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
