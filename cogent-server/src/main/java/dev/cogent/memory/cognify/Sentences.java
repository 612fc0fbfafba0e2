package dev.cogent.memory.cognify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits text into sentences: at . ! ? followed by space, and at blank lines. */
public final class Sentences {

  private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n");
  private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])[\"')\\]]*\\s+|\\n+");

  private Sentences() {}

  public static List<String> split(String text) {
    List<String> sentences = new ArrayList<>();
    for (String paragraph : PARAGRAPH.split(text)) {
      for (String sentence : BOUNDARY.split(paragraph)) {
        String stripped = sentence.strip();
        if (!stripped.isEmpty()) {
          sentences.add(stripped);
        }
      }
    }
    return sentences;
  }
}
