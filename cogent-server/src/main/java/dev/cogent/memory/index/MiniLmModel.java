package dev.cogent.memory.index;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model file and tokenizer of langchain4j's {@link AllMiniLmL6V2QuantizedEmbeddingModel} in an
 * ONNX session of our own: one intra-op thread that does not spin, so that callers can run texts on
 * every core at once (langchain4j's session spins its intra-op threads, and its parallel executor
 * oversubscribes the cores with them: about 9 ms of CPU per short text against 6 here).
 *
 * <p>Texts run one inference each, fed the same tokens as langchain4j's encoder, so the vectors are
 * langchain4j's to float rounding. Padding texts into batches would not be: the model is
 * dynamically quantized with one scale per activation tensor, so the texts of a batch (and their
 * padding) change each other's vectors (cosine down to 0.98 for a short text measured against
 * langchain4j's), for about 10 % less CPU on cognify's short texts. Texts longer than one model
 * window ({@link #MAX_WORD_PIECES}) or without tokens return null: langchain4j averages such a text
 * over windows or rejects it, and the caller leaves them to it. Thread-safe.
 */
final class MiniLmModel {

  /** The longest text, in word pieces without [CLS] and [SEP], that one inference takes. */
  static final int MAX_WORD_PIECES = 510;

  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final boolean typeIds;
  private final HuggingFaceTokenizer tokenizer;

  private MiniLmModel(
      OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
    this.environment = environment;
    this.session = session;
    this.typeIds = session.getInputNames().contains("token_type_ids");
    this.tokenizer = tokenizer;
  }

  /** Loads the model from langchain4j's jar (about a second). */
  static MiniLmModel load() {
    try (InputStream model = resource(MODEL);
        InputStream vocabulary = resource(TOKENIZER);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      options.setIntraOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      // The options langchain4j's encoder uses, so that the tokens are the same.
      HuggingFaceTokenizer tokenizer =
          HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false"));
      return new MiniLmModel(environment, session, tokenizer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the MiniLM model", e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the MiniLM model", e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the langchain4j MiniLM jar has no " + name);
    }
    return in;
  }

  /**
   * The normalised, mean-pooled embedding of the text, or null when this class leaves it to
   * langchain4j (longer than one window, or no tokens).
   */
  float[] embed(String text) {
    long[] ids = ids(text);
    return ids == null ? null : run(ids);
  }

  /**
   * The ids langchain4j's encoder feeds the model for a text of one window: it tokenizes the text,
   * rebuilds a sentence from the word pieces and encodes that, or their concatenation when the
   * rebuilt sentence tokenizes differently.
   */
  private long[] ids(String text) {
    List<String> tokens = tokenizer.tokenize(text);
    if (tokens.size() <= 2 || tokens.size() - 2 > MAX_WORD_PIECES) {
      return null;
    }
    List<String> pieces = tokens.subList(1, tokens.size() - 1);
    Encoding rebuilt = tokenizer.encode(tokenizer.buildSentence(pieces), true, false);
    String[] encoded = rebuilt.getTokens();
    boolean same =
        encoded.length == tokens.size()
            && Arrays.asList(encoded).subList(1, encoded.length - 1).equals(pieces);
    long[] ids =
        same ? rebuilt.getIds() : tokenizer.encode(String.join("", pieces), true, false).getIds();
    return ids.length - 2 > MAX_WORD_PIECES ? null : ids;
  }

  /** One inference over [CLS] … [SEP] ids: the mean of the token vectors, normalised. */
  private float[] run(long[] ids) {
    long[] shape = {1, ids.length};
    long[] ones = new long[ids.length];
    Arrays.fill(ones, 1L);
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
      inputs.put(
          "attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(ones), shape));
      if (typeIds) {
        inputs.put(
            "token_type_ids",
            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        return normalised(mean(hidden, ids.length));
      }
    } catch (OrtException e) {
      throw new IllegalStateException("MiniLM inference failed", e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private static float[] mean(FloatBuffer hidden, int tokens) {
    int dimension = hidden.capacity() / tokens;
    float[] sum = new float[dimension];
    for (int t = 0; t < tokens; t++) {
      for (int d = 0; d < dimension; d++) {
        sum[d] += hidden.get(t * dimension + d);
      }
    }
    for (int d = 0; d < dimension; d++) {
      sum[d] /= tokens;
    }
    return sum;
  }

  private static float[] normalised(float[] vector) {
    double squares = 0;
    for (float v : vector) {
      squares += v * v;
    }
    double norm = Math.sqrt(squares);
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }
}
