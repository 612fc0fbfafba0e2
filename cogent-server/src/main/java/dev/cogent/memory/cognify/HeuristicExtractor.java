package dev.cogent.memory.cognify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extraction without a model, deterministic (docs/memory.md, "Heuristic extraction"): entities are
 * runs of capitalised words (a leading article or pronoun dropped), typed {@code Organization} when
 * they end in a company word and {@code Entity} otherwise; a relation joins two entities that
 * follow each other in a sentence, named after the words between them ({@code "Alice works at
 * Acme"} gives {@code works_at}); a summary is the chunk's first sentence. Thread-safe.
 */
public final class HeuristicExtractor implements GraphExtractor {

  static final int MAX_RELATION_WORDS = 4;
  static final int MAX_SUMMARY = 200;

  private static final Pattern CAPITALISED =
      Pattern.compile("\\p{Lu}[\\p{L}\\p{N}'\u2019&-]*(?:\\s+\\p{Lu}[\\p{L}\\p{N}'\u2019&-]*)*");
  private static final Pattern WORD = Pattern.compile("[\\p{Ll}][\\p{Ll}'-]*");
  private static final Set<String> NOT_NAMES =
      Set.of(
          "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
          "we", "i", "you", "in", "on", "at", "for", "and", "but", "or", "if", "when", "after",
          "before", "his", "her", "their", "our", "my", "there", "then", "yes", "no", "as", "by",
          "with", "from", "to", "of", "while", "since", "also");
  private static final Set<String> FILLERS = Set.of("the", "a", "an", "also", "then");
  private static final Set<String> ORGANISATION_WORDS =
      Set.of(
          "inc",
          "corp",
          "corporation",
          "ltd",
          "gmbh",
          "llc",
          "company",
          "university",
          "bank",
          "group",
          "labs",
          "institute",
          "foundation");

  @Override
  public KnowledgeGraph extract(String text, ExtractionPrompt prompt) {
    Map<String, KnowledgeGraph.Node> nodes = new LinkedHashMap<>();
    Map<String, KnowledgeGraph.Edge> edges = new LinkedHashMap<>();
    for (String sentence : Sentences.split(text)) {
      List<Mention> mentions = mentions(sentence);
      for (Mention mention : mentions) {
        String key = mention.name().toLowerCase(Locale.ROOT);
        nodes.putIfAbsent(
            key,
            new KnowledgeGraph.Node(
                mention.name(), mention.name(), typeOf(mention.name()), truncate(sentence)));
      }
      for (int i = 0; i + 1 < mentions.size(); i++) {
        Mention from = mentions.get(i);
        Mention to = mentions.get(i + 1);
        String relation = relation(sentence.substring(from.end(), to.start()));
        if (relation == null || from.name().equalsIgnoreCase(to.name())) {
          continue;
        }
        edges.putIfAbsent(
            from.name() + "|" + relation + "|" + to.name(),
            new KnowledgeGraph.Edge(from.name(), to.name(), relation, truncate(sentence)));
      }
    }
    return new KnowledgeGraph(new ArrayList<>(nodes.values()), new ArrayList<>(edges.values()));
  }

  @Override
  public String summarize(String text) {
    List<String> sentences = Sentences.split(text);
    return sentences.isEmpty() ? "" : truncate(sentences.get(0));
  }

  @Override
  public String name() {
    return "heuristic";
  }

  private record Mention(String name, int start, int end) {}

  private static List<Mention> mentions(String sentence) {
    List<Mention> mentions = new ArrayList<>();
    Matcher matcher = CAPITALISED.matcher(sentence);
    while (matcher.find()) {
      String[] words = matcher.group().split("\\s+");
      int first = 0;
      int start = matcher.start();
      while (first < words.length && NOT_NAMES.contains(words[first].toLowerCase(Locale.ROOT))) {
        start = sentence.indexOf(words[first], start) + words[first].length();
        first++;
      }
      if (first == words.length) {
        continue;
      }
      String name = String.join(" ", java.util.Arrays.copyOfRange(words, first, words.length));
      name = name.replaceAll("['\u2019]s$", "");
      int nameStart = sentence.indexOf(words[first], start);
      mentions.add(new Mention(name, nameStart, matcher.end()));
    }
    return mentions;
  }

  /** The snake_case words between two mentions, or null when they are no relation. */
  private static String relation(String between) {
    String trimmed = between.strip();
    if (trimmed.isEmpty() || trimmed.startsWith(",") || trimmed.matches("(?i)and|or|,|;")) {
      return null;
    }
    List<String> words = new ArrayList<>();
    Matcher matcher = WORD.matcher(trimmed);
    while (matcher.find()) {
      String word = matcher.group().replace("'", "");
      if (!FILLERS.contains(word)) {
        words.add(word);
      }
    }
    if (words.isEmpty() || words.size() > MAX_RELATION_WORDS || words.equals(List.of("and"))) {
      return null;
    }
    return String.join("_", words);
  }

  private static String typeOf(String name) {
    String[] words = name.split("\\s+");
    String last = words[words.length - 1].toLowerCase(Locale.ROOT).replace(".", "");
    return ORGANISATION_WORDS.contains(last) ? "Organization" : "Entity";
  }

  private static String truncate(String text) {
    return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 1) + "\u2026";
  }
}
