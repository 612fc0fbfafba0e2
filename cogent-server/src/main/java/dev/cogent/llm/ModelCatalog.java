package dev.cogent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is known about each provider type's models: limits, capabilities and prices. It starts from
 * the data shipped in the server ({@code models/catalog.json}, written in the models.dev {@code
 * api.json} format) and can be refreshed from a URL serving that format; a refresh replaces the
 * providers the download lists and keeps the rest, and a failed refresh changes nothing.
 *
 * <p>Thread-safe: readers see one whole snapshot, which a refresh swaps.
 */
public final class ModelCatalog implements ModelFacts {

  private static final Logger log = LoggerFactory.getLogger(ModelCatalog.class);
  static final String SHIPPED = "/models/catalog.json";
  static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(20);

  private final ObjectMapper mapper;
  private final HttpClient http;
  private final AtomicReference<Map<ProviderType, Map<String, CatalogModel>>> models;

  /**
   * Loads the shipped catalog.
   *
   * @param http the client refreshes download with
   */
  public ModelCatalog(ObjectMapper mapper, HttpClient http) {
    this.mapper = mapper;
    this.http = http;
    this.models = new AtomicReference<>(shipped(mapper));
  }

  /** The models of {@code type} in catalog order; empty when the catalog lists none. */
  public List<CatalogModel> models(ProviderType type) {
    return List.copyOf(models.get().getOrDefault(type, Map.of()).values());
  }

  /** The model {@code id} of {@code type}, if the catalog lists it. */
  public Optional<CatalogModel> find(ProviderType type, String id) {
    return Optional.ofNullable(models.get().getOrDefault(type, Map.of()).get(id));
  }

  @Override
  public Optional<Double> findEstimatedCost(
      String provider, String model, long inputTokens, long outputTokens) {
    return find(provider, model)
        .filter(entry -> entry.inputCost() != null && entry.outputCost() != null)
        .map(
            entry ->
                (inputTokens * entry.inputCost() + outputTokens * entry.outputCost())
                    / 1_000_000.0);
  }

  @Override
  public OptionalInt findContextWindow(String provider, String model) {
    return find(provider, model)
        .map(CatalogModel::contextWindow)
        .map(OptionalInt::of)
        .orElse(OptionalInt.empty());
  }

  /**
   * Downloads a catalog in the models.dev {@code api.json} format and takes the providers it lists.
   * On any failure (network, status, format) the current data stays and the reason is logged.
   *
   * @return whether the catalog was refreshed
   */
  public boolean refresh(URI url) {
    try {
      HttpResponse<InputStream> response =
          http.send(
              HttpRequest.newBuilder(url)
                  .timeout(REFRESH_TIMEOUT)
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      Map<ProviderType, Map<String, CatalogModel>> downloaded;
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          log.warn(
              "Model catalog refresh from {} failed: HTTP {}; keeping the current catalog",
              url,
              response.statusCode());
          return false;
        }
        downloaded = ModelsDevFormat.read(mapper.readTree(body));
      }
      if (downloaded.isEmpty()) {
        log.warn(
            "Model catalog refresh from {} listed no provider Cogent knows; keeping the current"
                + " catalog",
            url);
        return false;
      }
      models.updateAndGet(
          current -> {
            Map<ProviderType, Map<String, CatalogModel>> merged = new EnumMap<>(ProviderType.class);
            merged.putAll(current);
            merged.putAll(downloaded);
            return Map.copyOf(merged);
          });
      log.info(
          "Model catalog refreshed from {}: {} models of {}",
          url,
          downloaded.values().stream().mapToInt(Map::size).sum(),
          downloaded.keySet());
      return true;
    } catch (IOException | RuntimeException e) {
      log.warn("Model catalog refresh from {} failed; keeping the current catalog", url, e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("Model catalog refresh from {} was interrupted; keeping the current catalog", url);
      return false;
    }
  }

  private Optional<CatalogModel> find(String provider, String model) {
    if (provider == null || model == null) {
      return Optional.empty();
    }
    return ProviderType.fromWire(provider).flatMap(type -> find(type, model));
  }

  private static Map<ProviderType, Map<String, CatalogModel>> shipped(ObjectMapper mapper) {
    try (InputStream in = ModelCatalog.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException("the shipped model catalog " + SHIPPED + " is missing");
      }
      JsonNode document = mapper.readTree(in);
      return Map.copyOf(ModelsDevFormat.read(document));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped model catalog", e);
    }
  }
}
