package dev.cogent.memory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Deterministic ids of graph elements (name-based UUIDs, version 3), so the same entity or relation
 * extracted from different documents or runs is the same row.
 */
public final class GraphIds {

  private GraphIds() {}

  /** Lower case, trimmed, inner whitespace as {@code _}, apostrophes removed (as the anchor). */
  public static String normalise(String name) {
    return name.strip()
        .toLowerCase(Locale.ROOT)
        .replace("'", "")
        .replace("\u2019", "")
        .replaceAll("\\s+", "_");
  }

  public static String node(String name, String type) {
    return uuid("node:" + normalise(type) + ":" + normalise(name));
  }

  public static String edge(String sourceId, String relationshipName, String targetId) {
    return uuid("edge:" + sourceId + ":" + normalise(relationshipName) + ":" + targetId);
  }

  /** The id of a chunk: its data item and position. */
  public static String chunk(String dataId, int index) {
    return uuid("chunk:" + dataId + ":" + index);
  }

  public static String summary(String chunkId) {
    return uuid("summary:" + chunkId);
  }

  private static String uuid(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
