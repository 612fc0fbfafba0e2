package dev.cogent.memory.index;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Text embeddings from the quantized all-MiniLM-L6-v2 model, run in-process (ONNX) with no network:
 * 384 dimensions, normalised, and a token counter with the same WordPiece vocabulary. The texts of
 * one call run on every core ({@link MiniLmModel}); langchain4j's model only takes the rare text
 * longer than one model window. The model is loaded on first use (about a second), not at server
 * start. Thread-safe.
 */
public final class Embedder {

  /** The dimension of every vector this embedder returns. */
  public static final int DIMENSION = 384;

  /**
   * The input length the model was trained for, which chunks keep to. Longer text is still
   * embedded: whole up to 510 word pieces, beyond that as the average of 510-piece windows
   * (langchain4j).
   */
  public static final int MAX_TOKENS = 256;

  private final int threads = Runtime.getRuntime().availableProcessors();
  private final Lazy<MiniLmModel> miniLm = new Lazy<>(MiniLmModel::load);
  // Daemon threads: the embedder has no lifecycle of its own, and idle threads cost nothing.
  private final Lazy<ExecutorService> workers =
      new Lazy<>(
          () ->
              Executors.newFixedThreadPool(
                  Math.max(1, threads - 1),
                  task -> {
                    Thread thread = new Thread(task, "cogent-embedder");
                    thread.setDaemon(true);
                    return thread;
                  }));

  /** LangChain4j's model, for texts longer than one window. */
  private final Lazy<EmbeddingModel> model = new Lazy<>(AllMiniLmL6V2QuantizedEmbeddingModel::new);

  private final Lazy<HuggingFaceTokenCountEstimator> tokenizer =
      new Lazy<>(HuggingFaceTokenCountEstimator::new);

  /** The embedding of one text. */
  public float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }

  /**
   * The embeddings of several texts, in order; a text given twice is embedded once. The texts run
   * on parallel threads, so one call with many texts is much faster than many calls.
   *
   * @throws IllegalArgumentException for a text without any token (blank)
   */
  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<String> distinct = List.copyOf(new LinkedHashSet<>(texts));
    float[][] vectors = new float[distinct.size()][];
    int slices = Math.min(threads, distinct.size());
    List<Future<?>> running = new ArrayList<>();
    for (int slice = 1; slice < slices; slice++) {
      int first = slice;
      running.add(workers.get().submit(() -> embedSlice(distinct, vectors, first, slices)));
    }
    embedSlice(distinct, vectors, 0, slices);
    for (Future<?> slice : running) {
      await(slice);
    }
    Map<String, float[]> byText = new HashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      byText.put(distinct.get(i), vectors[i]);
    }
    return texts.stream().map(byText::get).toList();
  }

  /** Embeds every {@code step}th text from {@code first}. */
  private void embedSlice(List<String> texts, float[][] vectors, int first, int step) {
    MiniLmModel miniLm = this.miniLm.get();
    for (int i = first; i < texts.size(); i += step) {
      float[] vector = miniLm.embed(texts.get(i));
      vectors[i] =
          vector != null
              ? vector
              : model.get().embed(TextSegment.from(texts.get(i))).content().vector();
    }
  }

  private static void await(Future<?> slice) {
    try {
      slice.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("embedding failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    }
  }

  /** The number of model tokens of the text (WordPiece, without the special tokens). */
  public int countTokens(String text) {
    if (text.isBlank()) {
      return 0;
    }
    return tokenizer.get().estimateTokenCountInText(text);
  }

  public String modelName() {
    return "all-minilm-l6-v2-q";
  }
}
