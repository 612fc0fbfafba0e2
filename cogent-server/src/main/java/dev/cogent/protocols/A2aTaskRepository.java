package dev.cogent.protocols;

import dev.cogent.scope.Scope;
import dev.cogent.store.Database;
import java.time.Instant;
import java.util.Optional;

/** The {@code a2a_tasks} table: which session, context, agent and scope a task (run) belongs to. */
final class A2aTaskRepository {

  /** A task's row. */
  record TaskRow(
      String taskId, String sessionId, String contextId, String agentName, String scope) {}

  private final Database database;

  A2aTaskRepository(Database database) {
    this.database = database;
  }

  void insert(TaskRow row, Instant createdAt) {
    database.useTransaction(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO a2a_tasks (task_id, session_id, context_id, agent_name, scope,"
                        + " created_at) VALUES (:task_id, :session_id, :context_id, :agent_name,"
                        + " :scope, :created_at)")
                .bind("task_id", row.taskId())
                .bind("session_id", row.sessionId())
                .bind("context_id", row.contextId())
                .bind("agent_name", row.agentName())
                .bind("scope", row.scope())
                .bind("created_at", createdAt.toEpochMilli())
                .execute());
  }

  /** The task of this id owned by exactly {@code scope} and sent to {@code agentName}. */
  Optional<TaskRow> find(String taskId, String agentName, Scope scope) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT task_id, session_id, context_id, agent_name, scope FROM a2a_tasks"
                        + " WHERE task_id = :task_id AND agent_name = :agent_name AND scope ="
                        + " :scope")
                .bind("task_id", taskId)
                .bind("agent_name", agentName)
                .bind("scope", scope.canonical())
                .map(
                    (rs, ctx) ->
                        new TaskRow(
                            rs.getString("task_id"),
                            rs.getString("session_id"),
                            rs.getString("context_id"),
                            rs.getString("agent_name"),
                            rs.getString("scope")))
                .findOne());
  }
}
