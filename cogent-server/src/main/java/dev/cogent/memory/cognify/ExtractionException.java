package dev.cogent.memory.cognify;

/** Extraction of one chunk failed; the data item is marked errored with this message. */
public final class ExtractionException extends RuntimeException {

  public ExtractionException(String message) {
    super(message);
  }
}
