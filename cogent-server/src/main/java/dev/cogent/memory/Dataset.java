package dev.cogent.memory;

import java.time.Instant;

/**
 * A dataset: a named collection of data items and the memory derived from them. A name is unique
 * per owner.
 *
 * @param tenantId the owner's tenant when the dataset was created, or null
 * @param graphSchema the JSON Schema cognify extracts with, or null for the default graph model
 * @param customPrompt the extraction prompt cognify uses, or null for the default
 */
public record Dataset(
    String id,
    String name,
    String ownerId,
    String tenantId,
    String graphSchema,
    String customPrompt,
    Instant createdAt,
    Instant updatedAt) {

  public Dataset {
    if (id == null || name == null || ownerId == null || createdAt == null || updatedAt == null) {
      throw new IllegalArgumentException("id, name, ownerId and timestamps are required");
    }
  }
}
