package dev.cogent.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogent.testing.DatabaseKind;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

class GraphRepositorySqliteTest extends GraphRepositoryContract {
  @Override
  DatabaseKind kind() {
    return DatabaseKind.SQLITE;
  }

  /**
   * Search looks up its top-k hits by id after every CHUNKS, CHUNKS_LEXICAL and SUMMARIES query.
   * Without statistics SQLite's plan does not depend on the rows, so the plan of the statements run
   * says whether a lookup reads the hits' rows or every row of the dataset (100k at 100k chunks,
   * the ~300 ms of issue #7).
   */
  @Test
  void lookups_of_search_hits_by_id_read_those_rows_not_the_whole_dataset() {
    List<String> statements = new CopyOnWriteArrayList<>();
    database
        .jdbi()
        .setSqlLogger(
            new SqlLogger() {
              @Override
              public void logBeforeExecution(StatementContext context) {
                statements.add(context.getParsedSql().getSql());
              }
            });
    List<String> ids = IntStream.range(0, 10).mapToObj(i -> "id-" + i).toList();

    graph.chunksByIds(List.of(DATASET), ids);
    graph.summariesByIds(List.of(DATASET), ids);
    data.namesByIds(DATASET, ids);
    data.listByIds(DATASET, ids);
    database.jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);

    assertThat(statements)
        .hasSize(4)
        .allSatisfy(
            statement ->
                assertThat(plan(statement))
                    .contains("USING INDEX sqlite_autoindex_")
                    .contains("(id=?)")
                    .doesNotContain("dataset_id=?"));
  }

  private String plan(String statement) {
    return database.withHandle(
        handle -> {
          var explain = handle.createQuery("EXPLAIN QUERY PLAN " + statement);
          long parameters = statement.chars().filter(c -> c == '?').count();
          for (int i = 0; i < parameters; i++) {
            explain.bind(i, "x");
          }
          return String.join("\n", explain.map((rs, ctx) -> rs.getString("detail")).list());
        });
  }
}
