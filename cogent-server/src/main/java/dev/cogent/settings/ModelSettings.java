package dev.cogent.settings;

import java.net.URI;

/**
 * The model catalog (spec 001, "Models").
 *
 * @param catalogUrl where to refresh the catalog from, in the models.dev {@code api.json} format
 *     (for example {@code https://models.dev/api.json}); null keeps the catalog shipped with the
 *     server
 */
public record ModelSettings(String catalogUrl) {

  /** The built-in defaults: the shipped catalog only, no download. */
  public static final ModelSettings DEFAULTS = new ModelSettings(null);

  public ModelSettings {
    if (catalogUrl != null && catalogUrl.isBlank()) {
      catalogUrl = null;
    }
    if (catalogUrl != null && !isHttpUrl(catalogUrl)) {
      throw new IllegalArgumentException("models.catalog_url must be an absolute http(s) URL");
    }
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = URI.create(value);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
