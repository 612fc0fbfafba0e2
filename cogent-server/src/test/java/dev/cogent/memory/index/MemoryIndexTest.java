package dev.cogent.memory.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryIndexTest {

  private static final String A = "00000000-0000-0000-0000-00000000000a";
  private static final String B = "00000000-0000-0000-0000-00000000000b";

  @TempDir Path dir;
  MemoryIndex index;

  @BeforeEach
  void open() {
    index = new MemoryIndex(dir);
  }

  @AfterEach
  void close() {
    index.close();
  }

  /** A unit vector along one axis: nearest neighbours are then obvious. */
  private static float[] axis(int i) {
    float[] vector = new float[Embedder.DIMENSION];
    vector[i] = 1f;
    return vector;
  }

  @Test
  void vector_search_finds_the_nearest_entries_of_one_collection_across_datasets() {
    index.upsert(A, IndexCollection.CHUNKS, List.of(new IndexEntry("c1", "apples", axis(0))));
    index.upsert(B, IndexCollection.CHUNKS, List.of(new IndexEntry("c2", "pears", axis(1))));
    index.upsert(A, IndexCollection.SUMMARIES, List.of(new IndexEntry("s1", "apples", axis(0))));

    List<IndexHit> hits = index.vectorSearch(List.of(A, B), IndexCollection.CHUNKS, axis(1), 5);

    assertThat(hits).extracting(IndexHit::id).containsExactly("c2", "c1");
    assertThat(hits.get(0).datasetId()).isEqualTo(B);
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    assertThat(index.vectorSearch(List.of(A), IndexCollection.CHUNKS, axis(1), 5))
        .extracting(IndexHit::id)
        .containsExactly("c1");
  }

  @Test
  void lexical_search_ranks_by_bm25_and_ignores_other_collections() {
    index.upsert(
        A,
        IndexCollection.CHUNKS,
        List.of(
            new IndexEntry("c1", "Alice works at Acme in Berlin", axis(0)),
            new IndexEntry("c2", "Bob likes tea", axis(1))));
    index.upsert(A, IndexCollection.ENTITIES, List.of(new IndexEntry("n1", "Acme", axis(2))));

    assertThat(index.lexicalSearch(List.of(A), IndexCollection.CHUNKS, "acme berlin", 5))
        .extracting(IndexHit::id)
        .containsExactly("c1");
    assertThat(index.lexicalSearch(List.of(A), IndexCollection.CHUNKS, "...", 5)).isEmpty();
  }

  @Test
  void upsert_replaces_by_id_and_delete_removes() {
    index.upsert(A, IndexCollection.CHUNKS, List.of(new IndexEntry("c1", "old text", axis(0))));
    index.upsert(A, IndexCollection.CHUNKS, List.of(new IndexEntry("c1", "new text", axis(0))));

    assertThat(index.count(A, IndexCollection.CHUNKS)).isEqualTo(1);
    assertThat(index.lexicalSearch(List.of(A), IndexCollection.CHUNKS, "new", 5))
        .extracting(IndexHit::text)
        .containsExactly("new text");

    index.delete(A, IndexCollection.CHUNKS, List.of("c1"));
    assertThat(index.count(A, IndexCollection.CHUNKS)).isZero();
  }

  @Test
  void a_deleted_or_unknown_dataset_finds_nothing() {
    index.upsert(A, IndexCollection.CHUNKS, List.of(new IndexEntry("c1", "text", axis(0))));
    index.deleteDataset(A);

    assertThat(index.vectorSearch(List.of(A, B), IndexCollection.CHUNKS, axis(0), 5)).isEmpty();
    assertThat(dir.resolve(A)).doesNotExist();
  }

  @Test
  void rejects_vectors_of_the_wrong_dimension_and_unsafe_dataset_ids() {
    assertThatThrownBy(
            () ->
                index.upsert(
                    A, IndexCollection.CHUNKS, List.of(new IndexEntry("c1", "t", new float[3]))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> index.vectorSearch(List.of("../x"), IndexCollection.CHUNKS, axis(0), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrent_writers_and_readers_do_not_lose_entries() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures =
          java.util.stream.IntStream.range(0, 40)
              .<Future<?>>mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            index.upsert(
                                A,
                                IndexCollection.CHUNKS,
                                List.of(new IndexEntry("c" + i, "word" + i, axis(i))));
                            index.lexicalSearch(List.of(A), IndexCollection.CHUNKS, "word1", 3);
                          }))
              .toList();
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(index.count(A, IndexCollection.CHUNKS)).isEqualTo(40);
  }
}
