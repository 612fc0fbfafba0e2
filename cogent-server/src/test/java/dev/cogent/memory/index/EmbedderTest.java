package dev.cogent.memory.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbedderTest {

  private final Embedder embedder = new Embedder();

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void similar_sentences_are_closer_than_unrelated_ones() {
    List<float[]> vectors =
        embedder.embedAll(
            List.of(
                "The cat sat on the mat.",
                "A kitten is sitting on a rug.",
                "Quarterly revenue grew by twelve percent."));

    assertThat(vectors).allSatisfy(v -> assertThat(v).hasSize(Embedder.DIMENSION));
    assertThat(cosine(vectors.get(0), vectors.get(1)))
        .isGreaterThan(cosine(vectors.get(0), vectors.get(2)));
    assertThat(embedder.embed("The cat sat on the mat.")).containsExactly(vectors.get(0));
  }

  @Test
  void counts_word_piece_tokens() {
    assertThat(embedder.countTokens("")).isZero();
    assertThat(embedder.countTokens("hello world")).isEqualTo(2);
  }
}
