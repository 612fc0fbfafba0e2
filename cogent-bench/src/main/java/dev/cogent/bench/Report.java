package dev.cogent.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The results of one benchmark run, as printed by {@link ReportTable} and written by {@code
 * --json}.
 *
 * @param startedAt when the run started, ISO-8601 UTC
 */
record Report(
    @JsonProperty("benchmark") String benchmark,
    @JsonProperty("started_at") String startedAt,
    @JsonProperty("target") Target target,
    @JsonProperty("environment") Environment environment,
    @JsonProperty("load") Load load,
    @JsonProperty("operations") List<OperationStats> operations,
    @JsonProperty("errors") List<ErrorCount> errors) {

  Report {
    if (benchmark == null || startedAt == null || target == null || environment == null) {
      throw new IllegalArgumentException(
          "benchmark, startedAt, target and environment are required");
    }
    if (load == null) {
      throw new IllegalArgumentException("load is required");
    }
    operations = List.copyOf(operations);
    errors = List.copyOf(errors);
  }

  /** Failed requests of every operation. */
  @JsonProperty("total_errors")
  long totalErrors() {
    return errors.stream().mapToLong(ErrorCount::count).sum();
  }

  /**
   * @param embedded whether the benchmark started the server in its own process
   * @param database {@code sqlite} or {@code postgresql}, as the server reports it
   */
  record Target(
      @JsonProperty("url") String url,
      @JsonProperty("embedded") boolean embedded,
      @JsonProperty("database") String database) {}

  /**
   * @param jdk the benchmark's JDK
   * @param serverJdk the server's JDK, as it reports it
   * @param cores processors available to the benchmark's JVM
   * @param loadAverageBefore the machine's one-minute load average before the run started, or a
   *     negative number where the OS does not tell; other work on the machine skews the results
   */
  record Environment(
      @JsonProperty("jdk") String jdk,
      @JsonProperty("server_jdk") String serverJdk,
      @JsonProperty("cores") int cores,
      @JsonProperty("os") String os,
      @JsonProperty("load_average_before") double loadAverageBefore) {}

  /**
   * @param measuredSeconds from the start of the measurement until the last worker stopped; the
   *     throughputs divide by it
   */
  record Load(
      @JsonProperty("concurrency") int concurrency,
      @JsonProperty("warmup_seconds") int warmupSeconds,
      @JsonProperty("duration_seconds") int durationSeconds,
      @JsonProperty("measured_seconds") double measuredSeconds) {}
}
