package dev.cogent.memory.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Text embeddings from the quantized all-MiniLM-L6-v2 model, run in-process (ONNX) with no network:
 * 384 dimensions, normalised, and a token counter with the same WordPiece vocabulary. The model is
 * loaded on first use (about a second), not at server start. Thread-safe.
 */
public final class Embedder {

  /** The dimension of every vector this embedder returns. */
  public static final int DIMENSION = 384;

  /** The model's input limit; longer text is truncated by the model. */
  public static final int MAX_TOKENS = 256;

  private final ReentrantLock lock = new ReentrantLock();
  private volatile EmbeddingModel model;
  private volatile HuggingFaceTokenCountEstimator tokenizer;

  /** The embedding of one text. */
  public float[] embed(String text) {
    return model().embed(text).content().vector();
  }

  /**
   * The embeddings of several texts, in order; a text given twice is embedded once. The model runs
   * the texts on parallel threads, so one call with many texts is much faster than many calls.
   */
  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<String> distinct = List.copyOf(new LinkedHashSet<>(texts));
    List<TextSegment> segments = distinct.stream().map(TextSegment::from).toList();
    List<Embedding> embeddings = model().embedAll(segments).content();
    Map<String, float[]> byText = new HashMap<>();
    for (int i = 0; i < distinct.size(); i++) {
      byText.put(distinct.get(i), embeddings.get(i).vector());
    }
    return texts.stream().map(byText::get).toList();
  }

  /** The number of model tokens of the text (WordPiece, without the special tokens). */
  public int countTokens(String text) {
    if (text.isBlank()) {
      return 0;
    }
    return tokenizer().estimateTokenCountInText(text);
  }

  public String modelName() {
    return "all-minilm-l6-v2-q";
  }

  private EmbeddingModel model() {
    EmbeddingModel loaded = model;
    if (loaded == null) {
      lock.lock();
      try {
        if (model == null) {
          model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        loaded = model;
      } finally {
        lock.unlock();
      }
    }
    return loaded;
  }

  private HuggingFaceTokenCountEstimator tokenizer() {
    HuggingFaceTokenCountEstimator loaded = tokenizer;
    if (loaded == null) {
      lock.lock();
      try {
        if (tokenizer == null) {
          tokenizer = new HuggingFaceTokenCountEstimator();
        }
        loaded = tokenizer;
      } finally {
        lock.unlock();
      }
    }
    return loaded;
  }
}
