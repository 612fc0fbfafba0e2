package dev.cogent.memory.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The years a query asks about, read by rules: {@code between 1990 and 2000}, {@code from 1990 to
 * 2000}, {@code before 1990}, {@code after 1990}, {@code since 1990}, {@code in 1990} or a bare
 * year. Bounds are inclusive years; an open side is {@link Integer#MIN_VALUE} or {@link
 * Integer#MAX_VALUE}.
 */
record TimeInterval(int from, int to) {

  private static final Pattern YEAR = Pattern.compile("\\b(1[0-9]{3}|2[0-9]{3})\\b");
  private static final Pattern RANGE =
      Pattern.compile(
          "\\b(?:between|from)\\s+(\\d{4})\\s+(?:and|to|until|-)\\s+(\\d{4})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BEFORE =
      Pattern.compile("\\b(?:before|until|prior to)\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern AFTER =
      Pattern.compile("\\b(?:after|since)\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);

  static Optional<TimeInterval> parse(String query) {
    Matcher range = RANGE.matcher(query);
    if (range.find()) {
      int a = Integer.parseInt(range.group(1));
      int b = Integer.parseInt(range.group(2));
      return Optional.of(new TimeInterval(Math.min(a, b), Math.max(a, b)));
    }
    Matcher before = BEFORE.matcher(query);
    if (before.find()) {
      return Optional.of(
          new TimeInterval(Integer.MIN_VALUE, Integer.parseInt(before.group(1)) - 1));
    }
    Matcher after = AFTER.matcher(query);
    if (after.find()) {
      return Optional.of(new TimeInterval(Integer.parseInt(after.group(1)) + 1, Integer.MAX_VALUE));
    }
    List<Integer> years = years(query);
    if (years.isEmpty()) {
      return Optional.empty();
    }
    int min = years.stream().mapToInt(Integer::intValue).min().orElseThrow();
    int max = years.stream().mapToInt(Integer::intValue).max().orElseThrow();
    return Optional.of(new TimeInterval(min, max));
  }

  /** Whether the text names a year inside the interval. */
  boolean mentionedIn(String text) {
    return years(text).stream().anyMatch(year -> year >= from && year <= to);
  }

  private static List<Integer> years(String text) {
    List<Integer> years = new ArrayList<>();
    Matcher matcher = YEAR.matcher(text);
    while (matcher.find()) {
      years.add(Integer.parseInt(matcher.group(1)));
    }
    return years;
  }
}
