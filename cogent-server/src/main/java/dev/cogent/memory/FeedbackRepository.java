package dev.cogent.memory;

import dev.cogent.Json;
import dev.cogent.store.Database;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of {@code memory_feedback_entries} and of the {@code feedback_weight} of graph nodes and
 * edges. Thread-safe.
 */
public final class FeedbackRepository {

  private static final String SELECT =
      "SELECT id, dataset_id, session_id, owner_id, entry_type, question, context, answer,"
          + " used_ids, feedback_score, feedback_text, trace, applied, created_at FROM"
          + " memory_feedback_entries";

  private final Database database;
  private final Json json;

  public FeedbackRepository(Database database, Json json) {
    this.database = database;
    this.json = json;
  }

  public void insert(FeedbackEntry entry) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO memory_feedback_entries (id, dataset_id, session_id, owner_id,"
                        + " entry_type, question, context, answer, used_ids, feedback_score,"
                        + " feedback_text, trace, applied, created_at) VALUES (:id, :dataset,"
                        + " :session, :owner, :type, :question, :context, :answer, :used, :score,"
                        + " :text, :trace, :applied, :at)")
                .bind("id", entry.id())
                .bind("dataset", entry.datasetId())
                .bind("session", entry.sessionId())
                .bind("owner", entry.ownerId())
                .bind("type", entry.type())
                .bind("question", entry.question())
                .bind("context", entry.context())
                .bind("answer", entry.answer())
                .bind("used", json.write(entry.usedIds()))
                .bind("score", entry.feedbackScore())
                .bind("text", entry.feedbackText())
                .bind("trace", entry.trace().isEmpty() ? null : json.write(entry.trace()))
                .bind("applied", entry.applied() ? 1 : 0)
                .bind("at", entry.createdAt().toEpochMilli())
                .execute());
  }

  /** A QA entry of the session in the dataset; empty when there is none. */
  Optional<FeedbackEntry> findQa(String datasetId, String sessionId, String id) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    SELECT
                        + " WHERE id = :id AND dataset_id = :dataset AND session_id = :session"
                        + " AND entry_type = 'qa'")
                .bind("id", id)
                .bind("dataset", datasetId)
                .bind("session", sessionId)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  /** The entries of these sessions of a dataset, oldest first. */
  public List<FeedbackEntry> listBySession(String datasetId, String sessionId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    SELECT
                        + " WHERE dataset_id = :dataset AND session_id = :session ORDER BY"
                        + " created_at, id")
                .bind("dataset", datasetId)
                .bind("session", sessionId)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  /** Records feedback on a QA entry; it is applied again by the next improve. */
  void attachFeedback(String id, int score, String text) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "UPDATE memory_feedback_entries SET feedback_score = :score, feedback_text ="
                        + " :text, applied = 0 WHERE id = :id")
                .bind("score", score)
                .bind("text", text)
                .bind("id", id)
                .execute());
  }

  /**
   * Entries of a type not yet applied (QA entries only with feedback), oldest first; all sessions
   * of the dataset when {@code sessionIds} is empty.
   */
  List<FeedbackEntry> pending(String datasetId, String type, Collection<String> sessionIds) {
    String sessions = sessionIds.isEmpty() ? "" : " AND session_id IN (<sessions>)";
    String scored = FeedbackEntry.QA.equals(type) ? " AND feedback_score IS NOT NULL" : "";
    return database.withHandle(
        handle -> {
          var query =
              handle
                  .createQuery(
                      SELECT
                          + " WHERE dataset_id = :dataset AND entry_type = :type AND applied = 0"
                          + scored
                          + sessions
                          + " ORDER BY created_at, id")
                  .bind("dataset", datasetId)
                  .bind("type", type);
          if (!sessionIds.isEmpty()) {
            query.bindList("sessions", List.copyOf(sessionIds));
          }
          return query.map((rs, ctx) -> map(rs)).list();
        });
  }

  void markApplied(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    database.useTransaction(
        handle ->
            handle
                .createUpdate("UPDATE memory_feedback_entries SET applied = 1 WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .execute());
  }

  /**
   * Moves the {@code feedback_weight} of each used node and edge halfway toward {@code target} and
   * marks the entry applied, in one transaction.
   */
  void applyWeight(FeedbackEntry entry, double target) {
    database.useTransaction(
        handle -> {
          if (!entry.usedIds().isEmpty()) {
            for (String table : List.of("memory_nodes", "memory_edges")) {
              handle
                  .createUpdate(
                      "UPDATE "
                          + table
                          + " SET feedback_weight = (feedback_weight + :target) / 2 WHERE"
                          + " dataset_id = :dataset AND id IN (<ids>)")
                  .bind("target", target)
                  .bind("dataset", entry.datasetId())
                  .bindList("ids", entry.usedIds())
                  .execute();
            }
          }
          handle
              .createUpdate("UPDATE memory_feedback_entries SET applied = 1 WHERE id = :id")
              .bind("id", entry.id())
              .execute();
        });
  }

  /** The {@code feedback_weight} of these nodes and edges of a dataset, by id. */
  public Map<String, Double> weights(String datasetId, Collection<String> ids) {
    Map<String, Double> weights = new HashMap<>();
    if (ids.isEmpty()) {
      return weights;
    }
    database.withHandle(
        handle -> {
          for (String table : List.of("memory_nodes", "memory_edges")) {
            handle
                .createQuery(
                    "SELECT id, feedback_weight FROM "
                        + table
                        + " WHERE dataset_id = :dataset AND id IN (<ids>)")
                .bind("dataset", datasetId)
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getDouble("feedback_weight")))
                .forEach(e -> weights.put(e.getKey(), e.getValue()));
          }
          return null;
        });
    return weights;
  }

  private FeedbackEntry map(java.sql.ResultSet rs) throws java.sql.SQLException {
    int score = rs.getInt("feedback_score");
    Integer feedbackScore = rs.wasNull() ? null : score;
    String trace = rs.getString("trace");
    return new FeedbackEntry(
        rs.getString("id"),
        rs.getString("dataset_id"),
        rs.getString("session_id"),
        rs.getString("owner_id"),
        rs.getString("entry_type"),
        rs.getString("question"),
        rs.getString("context"),
        rs.getString("answer"),
        List.of(json.read(rs.getString("used_ids"), String[].class)),
        feedbackScore,
        rs.getString("feedback_text"),
        trace == null ? Map.of() : json.readObject(trace),
        rs.getInt("applied") != 0,
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
