package dev.cogent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.api.AuthorizationMatrix.Caller;
import dev.cogent.api.AuthorizationMatrix.Request;
import dev.cogent.api.AuthorizationMatrix.Row;
import dev.cogent.http.OpenApiContract;
import dev.cogent.testing.DatabaseKind;
import dev.cogent.testing.MutableClock;
import dev.cogent.testing.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends every row of {@link AuthorizationMatrix} as every kind of caller to a real server with
 * authentication required, and checks each status against the row and each response against the
 * OpenAPI document. One server and one set of users for the class: registering costs Argon2 time.
 * Runs on SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuthorizationMatrixContract {

  private static final OpenApiContract CONTRACT = OpenApiContract.load();
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  @TempDir static Path dir;
  final MutableClock clock = MutableClock.at("2026-03-02T12:00:00Z");
  TestServer server;
  World world;

  abstract DatabaseKind kind();

  @BeforeAll
  void start() {
    server =
        TestServer.start(
            kind(),
            dir,
            Map.of("COGENT_REQUIRE_AUTHENTICATION", "true", "COGENT_SUPER_API_KEY_ENABLED", "true"),
            clock);
    world = new World(server);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** Every operation of the document: {@code METHOD /path}. */
  private static Set<String> documentedOperations() {
    Set<String> operations = new TreeSet<>();
    JsonNode paths = CONTRACT.document().path("paths");
    paths
        .fieldNames()
        .forEachRemaining(
            path ->
                METHODS.stream()
                    .filter(method -> paths.path(path).has(method))
                    .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
    return operations;
  }

  @Test
  void every_operation_of_the_document_has_a_row() {
    Set<String> missing = new TreeSet<>(documentedOperations());
    missing.removeAll(AuthorizationMatrix.operations());
    missing.removeAll(AuthorizationMatrix.NOT_SERVED_YET.keySet());
    missing.removeAll(AuthorizationMatrix.ROWS_TO_COME);
    Set<String> stale = new TreeSet<>(AuthorizationMatrix.operations());
    stale.addAll(AuthorizationMatrix.NOT_SERVED_YET.keySet());
    stale.addAll(AuthorizationMatrix.ROWS_TO_COME);
    stale.removeAll(documentedOperations());

    assertThat(missing)
        .as(
            "operations without a row in AuthorizationMatrix.rows(): add one saying what an"
                + " anonymous caller, another tenant, a member without rights, the owner and the"
                + " administrator get")
        .isEmpty();
    assertThat(stale).as("rows of operations the document does not have").isEmpty();
    assertThat(AuthorizationMatrix.rows())
        .extracting(Row::operation)
        .as("one row per operation")
        .doesNotHaveDuplicates();
  }

  @Test
  void operations_whose_rows_are_to_come_refuse_anonymous_callers() {
    List<String> open = new ArrayList<>();
    for (String operation : AuthorizationMatrix.ROWS_TO_COME) {
      assertThat(AuthorizationMatrix.operations()).doesNotContain(operation);
      String[] parts = operation.split(" ", 2);
      String body = parts[0].equals("GET") || parts[0].equals("DELETE") ? null : "{}";
      HttpResponse<String> response =
          world.send(
              Caller.ANONYMOUS,
              new Request(
                  parts[0],
                  parts[1].replaceAll("\\{[^}]+}", "x"),
                  body,
                  body == null ? null : "application/json"));
      if (response.statusCode() != 401) {
        open.add(operation + " answers " + response.statusCode());
      }
    }

    assertThat(open).as("memory operations an anonymous caller reaches").isEmpty();
  }

  @Test
  void operations_not_served_yet_answer_404_to_everyone() {
    List<String> served = new ArrayList<>();
    AuthorizationMatrix.NOT_SERVED_YET.forEach(
        (operation, owner) -> {
          String[] parts = operation.split(" ", 2);
          HttpResponse<String> response =
              world.send(
                  Caller.OWNER,
                  new Request(parts[0], parts[1].replaceAll("\\{[^}]+}", "x"), null, null));
          if (response.statusCode() != 404) {
            served.add(operation + " (" + owner + ") answers " + response.statusCode());
          }
        });

    assertThat(served)
        .as("served now: move them from NOT_SERVED_YET to a row of AuthorizationMatrix.rows()")
        .isEmpty();
  }

  @Test
  void every_route_answers_every_caller_as_documented() {
    List<String> mismatches = new ArrayList<>();
    List<Row> rows = new ArrayList<>(AuthorizationMatrix.rows());
    rows.sort(Comparator.comparing(Row::runsLast));
    for (Row row : rows) {
      for (Caller caller : Caller.values()) {
        int expected = row.expected().get(caller);
        Request request;
        try {
          request = row.fixture().prepare(world, caller);
        } catch (AssertionError | RuntimeException e) {
          mismatches.add(row.operation() + " as " + caller + ": fixture failed: " + e);
          continue;
        }
        HttpResponse<String> response = world.send(caller, request);
        if (response.statusCode() != expected) {
          mismatches.add(
              row.operation()
                  + " as "
                  + caller
                  + ": expected "
                  + expected
                  + ", got "
                  + response.statusCode()
                  + " "
                  + abbreviate(response.body()));
          continue;
        }
        try {
          CONTRACT.assertValid(
              request.method(),
              request.path().replaceFirst("\\?.*", ""),
              response.statusCode(),
              response.headers().firstValue("Content-Type").orElse(null),
              response.body());
        } catch (AssertionError e) {
          mismatches.add(
              row.operation() + " as " + caller + ": off the document: " + e.getMessage());
        }
      }
    }

    assertThat(mismatches).isEmpty();
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }
}
