package dev.cogent.bench;

import java.util.Locale;

/** Renders a {@link Report} as the plain-text table the benchmark prints. */
final class ReportTable {

  private static final String ROW = "%-20s %9s %10s %9s %9s %9s %9s %8s%n";

  private ReportTable() {}

  static String render(Report report) {
    StringBuilder out = new StringBuilder();
    Report.Target target = report.target();
    Report.Environment environment = report.environment();
    Report.Load load = report.load();
    line(out, "benchmark", report.benchmark() + ", started " + report.startedAt());
    line(
        out,
        "target",
        target.url() + (target.embedded() ? " (embedded in this process)" : " (external server)"));
    line(out, "database", target.database());
    line(
        out,
        "JDK",
        environment.jdk()
            + (environment.serverJdk().equals(environment.jdk())
                ? ""
                : " (server: " + environment.serverJdk() + ")"));
    line(
        out,
        "cores",
        environment.cores()
            + " ("
            + environment.os()
            + (environment.loadAverageBefore() < 0
                ? ")"
                : format(", load average %.2f before the run)", environment.loadAverageBefore())));
    line(
        out,
        "load",
        format(
            "%d workers, %d s warm-up, %d s measured (%.2f s until the last worker stopped)",
            load.concurrency(),
            load.warmupSeconds(),
            load.durationSeconds(),
            load.measuredSeconds()));
    out.append(System.lineSeparator());
    out.append(
        format(
            ROW, "operation", "count", "ops/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"));
    for (OperationStats stats : report.operations()) {
      out.append(
          format(
              ROW,
              stats.operation(),
              stats.count(),
              format("%.1f", stats.throughputPerSecond()),
              millis(stats.p50Millis()),
              millis(stats.p90Millis()),
              millis(stats.p99Millis()),
              millis(stats.maxMillis()),
              stats.errors()));
    }
    out.append(System.lineSeparator());
    if (report.errors().isEmpty()) {
      line(out, "errors", "none");
    } else {
      line(out, "errors", report.totalErrors() + " failed requests");
      for (ErrorCount error : report.errors()) {
        out.append(
            format(
                "  %s: %s x%d, e.g. %s%n",
                error.operation(), error.reason(), error.count(), error.example()));
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(format("%-10s %s%n", label, value));
  }

  private static String millis(double value) {
    return format("%.2f", value);
  }

  private static String format(String pattern, Object... arguments) {
    return String.format(Locale.ROOT, pattern, arguments);
  }
}
