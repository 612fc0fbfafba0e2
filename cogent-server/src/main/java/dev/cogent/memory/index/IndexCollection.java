package dev.cogent.memory.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The named collections of a dataset's index. */
public enum IndexCollection {
  /** Chunk texts ({@code DocumentChunk_text}); entry id = chunk id. */
  CHUNKS,
  /** Chunk summaries ({@code TextSummary_text}); entry id = summary id. */
  SUMMARIES,
  /** Entity names with their descriptions ({@code Entity_name}); entry id = node id. */
  ENTITIES,
  /** Entity type names ({@code EntityType_name}); entry id = node id of the type. */
  ENTITY_TYPES,
  /** Edge texts "source relationship target: description" ({@code Triplet_text}); id = edge id. */
  TRIPLETS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<IndexCollection> fromWire(String name) {
    return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
  }
}
