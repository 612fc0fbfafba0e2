package dev.cogent.memory.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbedderTest {

  /** Per dimension of a unit vector: float rounding only. */
  private static final float TOLERANCE = 1e-5f;

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

  @Test
  void embeds_as_langchain4j_does() {
    String sentence =
        "Alice Martin works at Acme Corporation in Berlin and studies graph databases. ";
    List<String> texts =
        List.of(
            "hello",
            "The cat sat on the mat.",
            "Alice Martin works at Acme Corporation.",
            "Acme Corporation: Alice Martin works at Acme Corporation in Berlin.",
            "Bob Stone knows Alice Martin: Bob Stone knows Alice Martin since 2019.",
            "Entity",
            "Organization",
            "Über die Brücke gehen wir morgen – café, naïve, 東京, emoji \uD83D\uDE00!",
            "  leading and trailing spaces  ",
            "unbelievably antidisestablishmentarianism tokenization",
            // about 300 word pieces: longer than the chunker's 256, within the model's window
            sentence.repeat(20),
            // more than one window of 510 word pieces: langchain4j averages over windows
            sentence.repeat(40));
    AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();

    List<float[]> batched = embedder.embedAll(texts);

    assertThat(embedder.countTokens(texts.get(10))).isBetween(257, 510);
    assertThat(embedder.countTokens(texts.get(11))).isGreaterThan(510);
    List<Double> similarities = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      float[] expected = reference.embed(TextSegment.from(texts.get(i))).content().vector();
      float[] actual = batched.get(i);
      similarities.add(cosine(expected, actual));
      for (int d = 0; d < Embedder.DIMENSION; d++) {
        assertThat(actual[d])
            .as("text %d, dimension %d", i, d)
            .isCloseTo(expected[d], within(TOLERANCE));
      }
    }
    assertThat(similarities).allSatisfy(s -> assertThat(s).isGreaterThan(0.999999));
  }
}
