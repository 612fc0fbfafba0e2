package dev.cogent.settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where data lives.
 *
 * @param dataDir the data folder; holds {@code cogent.db} when no database URL is set
 * @param databaseUrl a {@code jdbc:postgresql://…} or {@code jdbc:sqlite:…} URL, or null for the
 *     embedded SQLite file in the data dir
 * @param databasePassword a secret: never logged, redacted in {@code GET /config}
 */
public record StoreSettings(
    Path dataDir, String databaseUrl, String databaseUser, String databasePassword, int poolSize) {

  public StoreSettings {
    if (dataDir == null) {
      throw new IllegalArgumentException("store.data_dir is required");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("store.pool_size must be at least 1");
    }
  }

  public Optional<String> findDatabaseUrl() {
    return Optional.ofNullable(databaseUrl).filter(url -> !url.isBlank());
  }
}
