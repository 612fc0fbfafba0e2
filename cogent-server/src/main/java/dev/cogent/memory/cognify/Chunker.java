package dev.cogent.memory.cognify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Cuts text into chunks of at most {@code maxTokens} tokens, whole sentences at a time; a sentence
 * longer than the limit is cut between words. No overlap: the chunks joined with spaces are the
 * text's sentences. Thread-safe.
 */
public final class Chunker {

  /** A chunk's text and its token count. */
  public record Piece(String text, int tokens) {}

  private final ToIntFunction<String> tokenCounter;

  public Chunker(ToIntFunction<String> tokenCounter) {
    this.tokenCounter = tokenCounter;
  }

  public List<Piece> chunk(String text, int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be positive");
    }
    List<Piece> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int currentTokens = 0;
    for (String sentence : Sentences.split(text)) {
      int tokens = tokenCounter.applyAsInt(sentence);
      if (tokens > maxTokens) {
        if (current.length() > 0) {
          pieces.add(new Piece(current.toString(), currentTokens));
          current.setLength(0);
          currentTokens = 0;
        }
        pieces.addAll(byWords(sentence, maxTokens));
        continue;
      }
      if (currentTokens + tokens > maxTokens && current.length() > 0) {
        pieces.add(new Piece(current.toString(), currentTokens));
        current.setLength(0);
        currentTokens = 0;
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(sentence);
      currentTokens += tokens;
    }
    if (current.length() > 0) {
      pieces.add(new Piece(current.toString(), currentTokens));
    }
    return pieces;
  }

  private List<Piece> byWords(String sentence, int maxTokens) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int currentTokens = 0;
    for (String word : sentence.split("\\s+")) {
      int tokens = Math.max(1, tokenCounter.applyAsInt(word));
      if (currentTokens + tokens > maxTokens && current.length() > 0) {
        pieces.add(new Piece(current.toString(), currentTokens));
        current.setLength(0);
        currentTokens = 0;
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(word);
      currentTokens += tokens;
    }
    if (current.length() > 0) {
      pieces.add(new Piece(current.toString(), currentTokens));
    }
    return pieces;
  }
}
