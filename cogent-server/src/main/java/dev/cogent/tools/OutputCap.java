package dev.cogent.tools;

import java.nio.charset.StandardCharsets;

/** Cuts a tool's output to at most a number of UTF-8 bytes, saying so when it does. */
public final class OutputCap {

  private final int maxBytes;

  public OutputCap(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  int maxBytes() {
    return maxBytes;
  }

  /** {@code text}, or its longest prefix of whole characters within the cap plus a note. */
  public String apply(String text) {
    int total = text.getBytes(StandardCharsets.UTF_8).length;
    if (total <= maxBytes) {
      return text;
    }
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int size = utf8Length(codePoint);
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end)
        + "\n... [output truncated: showing the first "
        + bytes
        + " of "
        + total
        + " bytes]";
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}
