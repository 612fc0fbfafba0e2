package dev.cogent.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing with 2 iterations, 1 lane and the configured memory (by default the
 * OWASP baseline of 19 MiB, {@code auth.password_hash_memory_kib}), a random 16-byte salt per
 * password, and the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so that
 * stored hashes name their own parameters and stronger ones can be introduced later. Thread-safe.
 */
public final class PasswordHasher {

  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int OUTPUT_BYTES = 32;
  private static final int SALT_BYTES = 16;

  private final Argon2Function argon2;

  /** A hash of a random password, verified against when no user matches, to even out timing. */
  private final String decoy;

  /**
   * @param memoryKib the memory cost of new hashes; tests lower it, since the cost is all they
   *     would measure
   */
  public PasswordHasher(int memoryKib) {
    this.argon2 =
        Argon2Function.getInstance(memoryKib, ITERATIONS, PARALLELISM, OUTPUT_BYTES, Argon2.ID);
    this.decoy = hash(java.util.UUID.randomUUID().toString());
  }

  /** The PHC string of a new Argon2id hash of {@code password}. */
  public String hash(String password) {
    return Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult();
  }

  /** Whether {@code password} matches {@code hash}; false for a hash that is not Argon2. */
  public boolean verify(String password, String hash) {
    if (hash == null || !hash.startsWith("$argon2")) {
      return false;
    }
    try {
      return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Spends the time of one verification, so that an unknown email answers as slowly. */
  void verifyDecoy(String password) {
    verify(password, decoy);
  }
}
