package dev.cogent.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes the workspace's text files as UTF-8. Every open refuses a symbolic link at the
 * last step ({@code O_NOFOLLOW}): paths come resolved from {@link WorkspacePaths}, so a link there
 * means one was put in place since.
 */
final class TextFiles {

  /** How much of a file is checked for NUL bytes to tell binary from text, as grep does. */
  private static final int SNIFF_BYTES = 8192;

  private TextFiles() {}

  static boolean isBinary(Path file) throws IOException {
    byte[] head = new byte[SNIFF_BYTES];
    int read;
    try (InputStream input = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      read = input.readNBytes(head, 0, head.length);
    }
    for (int index = 0; index < read; index++) {
      if (head[index] == 0) {
        return true;
      }
    }
    return false;
  }

  /** A reader that puts U+FFFD in place of bytes that are not UTF-8, never failing on them. */
  static BufferedReader lenientReader(Path file) throws IOException {
    return new BufferedReader(
        new InputStreamReader(
            Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
  }

  /**
   * The file's text.
   *
   * @throws ToolFailure when the file is not UTF-8 text, naming it as {@code shown}
   */
  static String readStrict(Path file, String shown) throws IOException {
    byte[] bytes;
    try (InputStream input = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      bytes = input.readAllBytes();
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ToolFailure("Error: " + shown + " is not UTF-8 text, so it cannot be edited");
    }
  }

  /** Replaces the file's content with {@code text}, creating the file if needed. */
  static void write(Path file, String text) throws IOException {
    Files.write(
        file,
        text.getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
  }
}
