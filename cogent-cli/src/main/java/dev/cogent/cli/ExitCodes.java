package dev.cogent.cli;

/** The exit codes of every {@code cogent} command, documented in docs/cli.md. */
final class ExitCodes {

  static final int OK = 0;

  /** The server answered with an error (4xx/5xx); its code and message are printed. */
  static final int SERVER_ERROR = 1;

  /** The command line or a configuration file is wrong. */
  static final int USAGE = 2;

  /** The server could not be reached. */
  static final int UNREACHABLE = 3;

  /** {@code cogent diff --exit-code} found differences. */
  static final int DIFFERENT = 4;

  private ExitCodes() {}
}
