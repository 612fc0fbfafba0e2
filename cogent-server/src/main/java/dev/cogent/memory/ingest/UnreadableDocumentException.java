package dev.cogent.memory.ingest;

/** A document whose bytes are not what its type says (a broken PDF, a DOCX that is not a ZIP). */
public final class UnreadableDocumentException extends RuntimeException {

  public UnreadableDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
