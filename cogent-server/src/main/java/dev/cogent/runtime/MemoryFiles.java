package dev.cogent.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the instruction files an agent's {@code memory} list names (such as {@code AGENTS.md}),
 * confined to two folders: the session's workspace first, then the project folder.
 *
 * <p>Only Markdown files ({@code .md}) are read, never through a symbolic link that leads outside
 * the folder, and in the project folder never a hidden file or a file in a hidden folder (such as
 * {@code .cogent/} or {@code .env}): an agent definition, which API callers can write, must not
 * become a way to read the server's configuration or secrets. A file that is missing or refused is
 * skipped. Content beyond {@value #MAX_CHARS} characters is cut off with a note.
 *
 * <p>Thread-safe and stateless.
 */
final class MemoryFiles {

  static final int MAX_CHARS = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(MemoryFiles.class);

  private final Path projectDir;

  MemoryFiles(Path projectDir) {
    this.projectDir = projectDir.toAbsolutePath().normalize();
  }

  /** A memory file that was found: the name the agent gave and its content. */
  record Memory(String path, String content) {}

  /** Reads {@code requested} from the workspace, or else from the project folder. */
  Optional<Memory> read(String requested, Path workspace) {
    Optional<String> content = readInside(workspace, requested, false);
    if (content.isEmpty()) {
      content = readInside(projectDir, requested, true);
    }
    return content.map(text -> new Memory(requested, text));
  }

  private static Optional<String> readInside(Path base, String requested, boolean refuseHidden) {
    String relative = requested.replace('\\', '/').replaceFirst("^/+", "");
    if (relative.isEmpty() || !relative.toLowerCase(Locale.ROOT).endsWith(".md")) {
      return Optional.empty();
    }
    Path root = base.toAbsolutePath().normalize();
    Path candidate;
    try {
      candidate = root.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    if (!candidate.startsWith(root) || candidate.equals(root)) {
      log.warn("Memory file {} lies outside {}; skipped", requested, root);
      return Optional.empty();
    }
    if (refuseHidden) {
      for (Path name : root.relativize(candidate)) {
        if (name.toString().startsWith(".")) {
          return Optional.empty();
        }
      }
    }
    if (!Files.isRegularFile(candidate)) {
      return Optional.empty();
    }
    try {
      if (!candidate.toRealPath().startsWith(root.toRealPath())) {
        log.warn("Memory file {} links outside {}; skipped", requested, root);
        return Optional.empty();
      }
      return Optional.of(readCapped(candidate));
    } catch (CharacterCodingException e) {
      log.warn("Memory file {} is not UTF-8 text; skipped", candidate);
      return Optional.empty();
    } catch (IOException e) {
      log.warn("Cannot read memory file {}; skipped", candidate, e);
      return Optional.empty();
    }
  }

  private static String readCapped(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_CHARS * 4 + 1);
    }
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(
                bytes.length > MAX_CHARS * 4 ? CodingErrorAction.IGNORE : CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes, 0, Math.min(bytes.length, MAX_CHARS * 4)))
            .toString();
    if (text.length() > MAX_CHARS) {
      return text.substring(0, MAX_CHARS) + "\n[... cut off after " + MAX_CHARS + " characters]";
    }
    return text;
  }
}
