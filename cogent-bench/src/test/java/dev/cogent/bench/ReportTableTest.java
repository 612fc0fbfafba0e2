package dev.cogent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTableTest {

  private static final Report REPORT =
      new Report(
          "sessions",
          "2026-12-01T12:00:00Z",
          new Report.Target("http://127.0.0.1:41000", true, "sqlite"),
          new Report.Environment("17.0.15+6", "17.0.15+6", 2, "Linux amd64", 0.5),
          new Report.Load(20, 5, 30, 30.02),
          List.of(
              new OperationStats("POST /sessions", 30020, 2, 1000.0, 12.5, 20.25, 41.0, 120.5),
              new OperationStats("GET /sessions/{id}", 30000, 0, 999.33, 5.0, 8.0, 17.75, 60.0)),
          List.of(new ErrorCount("POST /sessions", "HTTP 500", 2, "{\"error\":\"boom\"}")));

  @Test
  void renders_one_row_per_operation_and_the_environment() {
    String table = ReportTable.render(REPORT);

    assertThat(table.lines())
        .contains(
            "database   sqlite",
            "JDK        17.0.15+6",
            "cores      2 (Linux amd64, load average 0.50 before the run)",
            "operation                count      ops/s    p50 ms    p90 ms    p99 ms    max ms"
                + "   errors",
            "POST /sessions           30020     1000.0     12.50     20.25     41.00    120.50"
                + "        2",
            "GET /sessions/{id}       30000      999.3      5.00      8.00     17.75     60.00"
                + "        0",
            "errors     2 failed requests",
            "  POST /sessions: HTTP 500 x2, e.g. {\"error\":\"boom\"}");
  }

  @Test
  void says_when_nothing_failed_and_names_a_different_server_jdk() {
    Report clean =
        new Report(
            REPORT.benchmark(),
            REPORT.startedAt(),
            REPORT.target(),
            new Report.Environment("17.0.15+6", "21.0.5+11", 2, "Linux amd64", -1),
            REPORT.load(),
            REPORT.operations(),
            List.of());

    assertThat(ReportTable.render(clean).lines())
        .contains(
            "errors     none",
            "JDK        17.0.15+6 (server: 21.0.5+11)",
            "cores      2 (Linux amd64)");
  }

  @Test
  void writes_snake_case_json() throws Exception {
    ObjectMapper json = new ObjectMapper();

    var tree = json.readTree(json.writeValueAsString(REPORT));

    assertThat(tree.path("total_errors").asLong()).isEqualTo(2);
    assertThat(tree.path("load").path("measured_seconds").asDouble()).isEqualTo(30.02);
    assertThat(tree.path("target").path("embedded").asBoolean()).isTrue();
    assertThat(tree.path("environment").path("load_average_before").asDouble()).isEqualTo(0.5);
    assertThat(tree.path("operations").get(0).path("p99_ms").asDouble()).isEqualTo(41.0);
    assertThat(tree.path("operations").get(1).path("throughput_per_second").asDouble())
        .isEqualTo(999.33);
    assertThat(tree.path("errors").get(0).path("reason").asText()).isEqualTo("HTTP 500");
  }
}
