package dev.cogent.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.StringJoiner;

/**
 * Provider configurations ({@code /models/providers}) and the model catalog ({@code /models}).
 * Obtain it from {@link CogentClient#providers()}. Thread-safe.
 */
public final class Providers {

  private final Transport transport;

  Providers(Transport transport) {
    this.transport = transport;
  }

  public List<ProviderConfig> list() {
    return transport.call("GET", "/models/providers", null, ProviderList.class).providers();
  }

  /** The config {@code id}, looked up in {@link #list()} (the API has no single-config read). */
  public java.util.Optional<ProviderConfig> find(String id) {
    return list().stream().filter(provider -> provider.id().equals(id)).findFirst();
  }

  /**
   * @throws CogentException {@code CONFLICT} (409) when the id exists in that scope; {@code
   *     VALIDATION_ERROR} (422) for an invalid combination (e.g. {@code openai_compatible} without
   *     a base URL)
   */
  public ProviderConfig create(ProviderRequest request) {
    return transport.call("POST", "/models/providers", request, ProviderConfig.class);
  }

  /** Changes the fields set in {@code request}; the result is validated as a whole. */
  public ProviderConfig update(String id, ProviderRequest request) {
    return transport.call("PATCH", path(id), request.withoutId(), ProviderConfig.class);
  }

  public void delete(String id) {
    transport.call("DELETE", path(id), null, Void.class);
  }

  /** Resolves the config and asks its model for a short answer; failures are in the result. */
  public ProviderTestResult test(String id) {
    return transport.call("POST", path(id) + "/test", null, ProviderTestResult.class);
  }

  /** The catalog models of the config's provider type. */
  public List<CatalogModel> models(String id) {
    return transport.call("GET", path(id) + "/models", null, ModelList.class).models();
  }

  /**
   * Catalog models of the provider types with an enabled config.
   *
   * @param provider only this provider type, or null
   * @param query a case-insensitive search in id and display name, or null
   */
  public List<CatalogModel> catalog(String provider, String query) {
    StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");
    if (provider != null) {
      params.add("provider=" + Transport.encode(provider));
    }
    if (query != null) {
      params.add("q=" + Transport.encode(query));
    }
    return transport.call("GET", "/models" + params, null, ModelList.class).models();
  }

  private static String path(String id) {
    return "/models/providers/" + Transport.encode(id);
  }

  record ProviderList(@JsonProperty("providers") List<ProviderConfig> providers) {}

  record ModelList(@JsonProperty("models") List<CatalogModel> models) {}
}
