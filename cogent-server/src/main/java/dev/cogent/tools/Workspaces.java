package dev.cogent.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every session's own working directory, under {@code <data dir>/workspaces/<session id>}. File
 * tools and sandboxes are confined to it.
 */
public final class Workspaces {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final Path root;

  public Workspaces(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The session's workspace, created on first use. */
  public Path forSession(String sessionId) {
    if (!SAFE_ID.matcher(sessionId).matches()) {
      throw new IllegalArgumentException("not a session id: " + sessionId);
    }
    Path dir = root.resolve(sessionId);
    try {
      Files.createDirectories(dir);
      return dir.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the workspace of session " + sessionId, e);
    }
  }

  /** Deletes the session's workspace with everything in it, if it exists. */
  public void delete(String sessionId) {
    if (!SAFE_ID.matcher(sessionId).matches()) {
      throw new IllegalArgumentException("not a session id: " + sessionId);
    }
    Path dir = root.resolve(sessionId);
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      // Deepest first; walk does not follow links, so a link out of the workspace is only unlinked.
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the workspace of session " + sessionId, e);
    }
  }
}
