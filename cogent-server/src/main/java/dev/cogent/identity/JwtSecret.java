package dev.cogent.identity;

import dev.cogent.settings.AuthSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that signs access tokens. There is never a built-in default (the anchor's {@code
 * "super_secret"} let anyone forge tokens): a configured {@code auth.jwt_secret} wins; otherwise
 * 256 random bits are generated on first start into {@code <data dir>/jwt-secret} (mode 0600,
 * base64) and reused afterwards, so tokens survive a restart.
 */
public final class JwtSecret {

  static final String FILE_NAME = "jwt-secret";
  private static final int GENERATED_BYTES = 32;
  private static final Logger log = LoggerFactory.getLogger(JwtSecret.class);

  private JwtSecret() {}

  /**
   * @throws IllegalStateException when the secret file exists but is unreadable or too short
   */
  public static byte[] load(AuthSettings settings, Path dataDir, SecureRandom random) {
    if (settings.jwtSecret() != null) {
      return settings.jwtSecret().getBytes(StandardCharsets.UTF_8);
    }
    Path file = dataDir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        generate(file, random);
      }
      byte[] secret = Base64.getDecoder().decode(Files.readString(file).strip());
      if (secret.length < AuthSettings.MIN_SECRET_BYTES) {
        throw new IllegalStateException(
            file + " holds fewer than 256 bits; delete it to generate a new key");
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the JWT secret " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(file + " is not base64; delete it to generate a new key", e);
    }
  }

  private static void generate(Path file, SecureRandom random) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] secret = new byte[GENERATED_BYTES];
    random.nextBytes(secret);
    byte[] text = Base64.getEncoder().encode(secret);
    try {
      // Created with 0600 from the first byte on, where the file system knows POSIX permissions.
      boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
      FileAttribute<?>[] attributes =
          posix
              ? new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
              }
              : new FileAttribute<?>[0];
      Files.write(Files.createFile(file, attributes), text, StandardOpenOption.WRITE);
      log.info("Generated a new JWT signing key in {}", file);
    } catch (FileAlreadyExistsException e) {
      // Another process created it first; use theirs.
    }
  }
}
