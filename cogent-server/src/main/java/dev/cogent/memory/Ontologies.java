package dev.cogent.memory;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * The anchor's {@code ontology_key} of {@code cognify} and {@code remember} names ontologies
 * uploaded through its {@code /api/v1/ontologies}. Cogent stores no ontologies, so every key is
 * unknown, which the anchor answers 409; an empty list or blank keys mean none.
 */
public final class Ontologies {

  private Ontologies() {}

  /**
   * @throws ApiException 409 naming the first key given
   */
  public static void check(List<String> keys) {
    if (keys == null) {
      return;
    }
    for (String key : keys) {
      if (key != null && !key.isBlank()) {
        throw new ApiException(
            ErrorCode.CONFLICT,
            "Unknown ontology key '" + key.strip() + "': this server stores no ontologies",
            Map.of("ontology_key", key.strip()));
      }
    }
  }
}
