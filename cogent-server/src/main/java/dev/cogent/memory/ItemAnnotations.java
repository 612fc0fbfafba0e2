package dev.cogent.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.ApiException;
import dev.cogent.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The anchor's per-file {@code labels} and {@code external_metadata} of {@code add} and {@code
 * remember} (research §1.4): one entry per uploaded file or text, by position, stored on the new
 * data item. An empty label and a null metadata entry mean none.
 *
 * @param labels one per upload, null for none; empty when the request gave no labels
 * @param metadata one per upload, empty for none; empty when the request gave no metadata
 */
public record ItemAnnotations(List<String> labels, List<Map<String, Object>> metadata) {

  /** No labels and no metadata. */
  public static final ItemAnnotations NONE = new ItemAnnotations(List.of(), List.of());

  /** Keys of {@code external_metadata} the server sets itself. */
  static final String RESERVED_KEY = "node_set";

  public ItemAnnotations {
    labels = Collections.unmodifiableList(new ArrayList<>(labels));
    metadata = List.copyOf(metadata);
  }

  /**
   * Parses the two fields as the anchor's form sends them.
   *
   * @param labels a JSON array of strings ({@code ["finance", ""]}) or the comma form ({@code
   *     finance,}); null or blank for none
   * @param metadata a JSON array of objects or nulls; null or blank for none
   * @throws ApiException 400 for malformed values or the reserved {@code node_set} key
   */
  public static ItemAnnotations parse(Json json, String labels, String metadata) {
    return new ItemAnnotations(labels(json, labels), metadata(json, metadata));
  }

  /**
   * Parses the two fields of a JSON request: each as the form's text, or as the JSON array itself.
   *
   * @throws ApiException 400 for malformed values or the reserved {@code node_set} key
   */
  public static ItemAnnotations parse(Json json, JsonNode labels, JsonNode metadata) {
    return parse(json, text(json, labels), text(json, metadata));
  }

  private static String text(Json json, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isTextual() ? node.asText() : json.write(node);
  }

  /**
   * @throws ApiException 400 when labels or metadata were given but not one per upload
   */
  void check(int uploads) {
    if (!labels.isEmpty() && labels.size() != uploads) {
      throw ApiException.badRequest(
          "labels has " + labels.size() + " entries for " + uploads + " files; give one per file");
    }
    if (!metadata.isEmpty() && metadata.size() != uploads) {
      throw ApiException.badRequest(
          "external_metadata has "
              + metadata.size()
              + " entries for "
              + uploads
              + " files; give one per file");
    }
  }

  /** The label of the upload at {@code index}, or null. */
  String label(int index) {
    return labels.isEmpty() ? null : labels.get(index);
  }

  /** The metadata of the upload at {@code index}, empty for none. */
  Map<String, Object> metadata(int index) {
    return metadata.isEmpty() ? Map.of() : metadata.get(index);
  }

  private static List<String> labels(Json json, String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> labels = new ArrayList<>();
    String stripped = text.strip();
    if (stripped.startsWith("[")) {
      JsonNode array = read(json, stripped, "labels");
      for (JsonNode label : array) {
        if (!label.isTextual() && !label.isNull()) {
          throw ApiException.badRequest("labels must be a JSON array of strings");
        }
        labels.add(label.isNull() ? "" : label.asText());
      }
    } else {
      // The comma form keeps a trailing empty label: "finance," is two files.
      for (String label : stripped.split(",", -1)) {
        labels.add(label);
      }
    }
    return labels.stream().map(label -> label.isBlank() ? null : label.strip()).toList();
  }

  private static List<Map<String, Object>> metadata(Json json, String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    JsonNode array = read(json, text.strip(), "external_metadata");
    List<Map<String, Object>> metadata = new ArrayList<>();
    for (JsonNode entry : array) {
      if (entry.isNull()) {
        metadata.add(Map.of());
      } else if (entry.isObject()) {
        if (entry.has(RESERVED_KEY)) {
          throw ApiException.badRequest(
              "external_metadata may not set '" + RESERVED_KEY + "'; send node_set instead");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        entry.fields().forEachRemaining(field -> values.put(field.getKey(), plain(json, field)));
        metadata.add(values);
      } else {
        throw ApiException.badRequest("external_metadata must be a JSON array of objects or nulls");
      }
    }
    return metadata;
  }

  private static Object plain(Json json, Map.Entry<String, JsonNode> field) {
    return json.mapper().convertValue(field.getValue(), Object.class);
  }

  private static JsonNode read(Json json, String text, String field) {
    try {
      JsonNode node = json.mapper().readTree(text);
      if (node == null || !node.isArray()) {
        throw ApiException.badRequest(field + " must be a JSON array");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(field + " is not valid JSON");
    }
  }
}
