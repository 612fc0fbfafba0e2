package dev.cogent.memory.search;

import dev.cogent.store.Database;
import java.time.Instant;
import java.util.List;

/** The SQL of {@code memory_search_history}. */
final class SearchHistoryRepository {

  private final Database database;

  SearchHistoryRepository(Database database) {
    this.database = database;
  }

  void insert(List<SearchHistory> entries) {
    if (entries.isEmpty()) {
      return;
    }
    database.useTransaction(
        handle -> {
          var batch =
              handle.prepareBatch(
                  "INSERT INTO memory_search_history (id, user_id, dataset_id, search_type,"
                      + " query_text, result_text, created_at) VALUES (:id, :user, :dataset,"
                      + " :type, :query, :result, :at)");
          for (SearchHistory entry : entries) {
            batch
                .bind("id", entry.id())
                .bind("user", entry.user())
                .bind("dataset", entry.datasetId())
                .bind("type", entry.searchType())
                .bind("query", entry.text())
                .bind("result", entry.result())
                .bind("at", entry.createdAt().toEpochMilli())
                .add();
          }
          batch.execute();
        });
  }

  /** The user's searches, newest first. */
  List<SearchHistory> list(String userId, int limit) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id, user_id, dataset_id, search_type, query_text, result_text,"
                        + " created_at FROM memory_search_history WHERE user_id = :user ORDER BY"
                        + " created_at DESC, id DESC LIMIT :limit")
                .bind("user", userId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new SearchHistory(
                            rs.getString("id"),
                            rs.getString("query_text"),
                            rs.getString("user_id"),
                            Instant.ofEpochMilli(rs.getLong("created_at")),
                            rs.getString("dataset_id"),
                            rs.getString("search_type"),
                            rs.getString("result_text")))
                .list());
  }
}
