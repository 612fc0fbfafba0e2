package dev.cogent.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place with a carriage return, on the error stream so that
 * stdout stays clean for pipes. A disabled bar draws nothing: commands disable it unless stdout is
 * a terminal and {@code --json} is off, so logs and scripts never see control characters.
 */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean enabled;
  private final String label;
  private final boolean bytes;
  private boolean drawn;

  private ProgressBar(PrintWriter err, boolean enabled, String label, boolean bytes) {
    this.err = err;
    this.enabled = enabled;
    this.label = label;
    this.bytes = bytes;
  }

  /** A bar counting bytes (uploads). */
  static ProgressBar ofBytes(PrintWriter err, boolean enabled, String label) {
    return new ProgressBar(err, enabled, label, true);
  }

  /** A bar counting items (pipeline runs). */
  static ProgressBar ofItems(PrintWriter err, boolean enabled, String label) {
    return new ProgressBar(err, enabled, label, false);
  }

  /** Whether bars may be drawn: stdout is an interactive terminal and JSON is not asked for. */
  static boolean wanted(boolean json) {
    // On Java 17 the console exists only when stdin and stdout are both terminals, so a pipe or a
    // redirect (`cogent remember x.pdf | jq`) turns the bars off.
    return !json && System.console() != null;
  }

  /** Redraws the bar; {@code total} below 1 draws an empty bar without a percentage. */
  void update(long done, long total) {
    if (!enabled) {
      return;
    }
    double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0.0;
    int filled = (int) Math.round(fraction * WIDTH);
    String amount = bytes ? size(done) + "/" + size(total) : done + "/" + Math.max(total, 0);
    err.print(
        "\r"
            + label
            + " ["
            + "#".repeat(filled)
            + "-".repeat(WIDTH - filled)
            + "] "
            + (total > 0 ? String.format(Locale.ROOT, "%3d%%", Math.round(fraction * 100)) : "  ?%")
            + " "
            + amount);
    err.flush();
    drawn = true;
  }

  /** Ends the bar's line, if one was drawn. */
  void finish() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
