package dev.cogent.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell command into its words the way {@code /bin/sh} reads quotes: single quotes keep
 * everything, double quotes and backslashes escape, and unquoted blanks and the operators {@code ;
 * | & < > ( )} and backquotes end a word (the operators themselves are dropped). It does not expand
 * variables, globs or command substitutions; a word keeps {@code $HOME} or {@code *.txt} as
 * written.
 */
final class ShellWords {

  private static final String OPERATORS = ";|&<>()`";

  private ShellWords() {}

  static List<String> split(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < command.length()) {
      char c = command.charAt(i);
      if (c == '\'') {
        int end = command.indexOf('\'', i + 1);
        end = end < 0 ? command.length() : end;
        word.append(command, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = doubleQuoted(command, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 < command.length() && command.charAt(i + 1) != '\n') {
          word.append(command.charAt(i + 1));
          inWord = true;
        }
        i += 2;
      } else if (Character.isWhitespace(c) || OPERATORS.indexOf(c) >= 0) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Reads a double-quoted part starting after its quote; returns the index after its end. */
  private static int doubleQuoted(String command, int start, StringBuilder word) {
    int i = start;
    while (i < command.length()) {
      char c = command.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
        word.append(command.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    return i;
  }
}
