package dev.cogent.bench;

/**
 * The server under load did not answer as a Cogent server should before the run started. Its
 * message says why; {@link BenchMain} prints it without a stack trace.
 */
final class ServerUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ServerUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  ServerUnreachableException(String message) {
    super(message);
  }
}
