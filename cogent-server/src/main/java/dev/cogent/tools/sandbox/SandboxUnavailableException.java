package dev.cogent.tools.sandbox;

/**
 * The configured sandbox backend does not work on this machine, so the server cannot start. Not
 * retriable until the machine or {@code tools.sandbox} changes.
 */
public final class SandboxUnavailableException extends RuntimeException {

  SandboxUnavailableException(String message) {
    super(message);
  }
}
