package dev.cogent.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cogent.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Applies a partial update: the wire fields named in {@code given} are taken from the patch record,
 * every other one from the current value, and the result is read back as a full write request. An
 * explicit {@code null} in the patch therefore clears a field, an absent one keeps it.
 */
final class FieldPatch {

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final Json json;

  FieldPatch(Json json) {
    this.json = json;
  }

  <W> W apply(W current, Object patch, Set<String> given, Class<W> type) {
    Map<String, Object> merged = new LinkedHashMap<>(json.mapper().convertValue(current, OBJECT));
    Map<String, Object> changes = json.mapper().convertValue(patch, OBJECT);
    for (String field : given) {
      if (changes.containsKey(field)) {
        merged.put(field, changes.get(field));
      }
    }
    return json.mapper().convertValue(merged, type);
  }
}
