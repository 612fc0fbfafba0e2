package dev.cogent.client;

/**
 * Hears how far a long operation got: bytes of an upload, or items of a memory pipeline run. Called
 * on the thread doing the work; keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores every report. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * @param done how much is done so far
   * @param total the whole amount, or -1 when it is not known yet
   */
  void progress(long done, long total);
}
