package dev.cogent.memory.index;

/**
 * One document of a collection.
 *
 * @param id the id of the element it stands for (chunk, summary, node or edge id)
 * @param text what BM25 matches and what was embedded
 * @param vector the embedding of {@code text}, {@link Embedder#DIMENSION} long
 */
public record IndexEntry(String id, String text, float[] vector) {

  public IndexEntry {
    if (id == null || text == null || vector == null) {
      throw new IllegalArgumentException("id, text and vector are required");
    }
  }
}
