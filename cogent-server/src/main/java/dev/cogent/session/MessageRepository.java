package dev.cogent.session;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cogent.Json;
import dev.cogent.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of the {@code messages} table and of the session's {@code message_count}. */
final class MessageRepository {

  private static final TypeReference<List<ToolCall>> TOOL_CALLS = new TypeReference<>() {};

  private static final String COLUMNS =
      "id, session_id, run_id, position, role, content, tool_calls, tool_call_id, parent_id,"
          + " token_count, model_used, created_at";

  private final Database database;
  private final Json json;

  MessageRepository(Database database, Json json) {
    this.database = database;
    this.json = json;
  }

  /** Inserts a message at the end of its session's transcript and counts it, in a transaction. */
  void insert(Handle handle, Message message, String runId) {
    long position =
        handle
            .createQuery(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM messages WHERE session_id = :id")
            .bind("id", message.sessionId())
            .mapTo(Long.class)
            .one();
    handle
        .createUpdate(
            "INSERT INTO messages ("
                + COLUMNS
                + ") VALUES (:id, :session_id, :run_id, :position, :role, :content, :tool_calls,"
                + " :tool_call_id, :parent_id, :token_count, :model_used, :created_at)")
        .bind("id", message.id())
        .bind("session_id", message.sessionId())
        .bind("run_id", runId)
        .bind("position", position)
        .bind("role", message.role().wireName())
        .bind("content", message.content())
        .bind("tool_calls", message.toolCalls().isEmpty() ? null : json.write(message.toolCalls()))
        .bind("tool_call_id", message.toolCallId())
        .bind("parent_id", message.parentId())
        .bind("token_count", message.tokenCount())
        .bind("model_used", message.modelUsed())
        .bind("created_at", message.createdAt().toEpochMilli())
        .execute();
    handle
        .createUpdate(
            "UPDATE sessions SET message_count = message_count + 1, updated_at = :now WHERE id ="
                + " :id")
        .bind("id", message.sessionId())
        .bind("now", message.createdAt().toEpochMilli())
        .execute();
  }

  void insert(Message message, String runId) {
    database.useTransaction(handle -> insert(handle, message, runId));
  }

  List<Message> list(String sessionId, int limit, int offset) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM messages WHERE session_id = :id ORDER BY position"
                        + " LIMIT :limit OFFSET :offset")
                .bind("id", sessionId)
                .bind("limit", limit)
                .bind("offset", offset)
                .map(this::map)
                .list());
  }

  List<Message> listAll(String sessionId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT " + COLUMNS + " FROM messages WHERE session_id = :id ORDER BY position")
                .bind("id", sessionId)
                .map(this::map)
                .list());
  }

  long count(String sessionId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT COUNT(*) FROM messages WHERE session_id = :id")
                .bind("id", sessionId)
                .mapTo(Long.class)
                .one());
  }

  Optional<Message> find(String sessionId, String messageId) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM messages WHERE session_id = :session_id AND id = :id")
                .bind("session_id", sessionId)
                .bind("id", messageId)
                .map(this::map)
                .findOne());
  }

  private Message map(ResultSet rs, StatementContext ctx) throws SQLException {
    String toolCalls = rs.getString("tool_calls");
    int tokenCount = rs.getInt("token_count");
    Integer tokens = rs.wasNull() ? null : tokenCount;
    return new Message(
        rs.getString("id"),
        rs.getString("session_id"),
        MessageRole.fromWire(rs.getString("role")),
        rs.getString("content"),
        toolCalls == null ? List.of() : readToolCalls(toolCalls),
        rs.getString("tool_call_id"),
        rs.getString("parent_id"),
        tokens,
        rs.getString("model_used"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  private List<ToolCall> readToolCalls(String text) {
    try {
      return json.mapper().readValue(text, TOOL_CALLS);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored tool_calls are not a list of tool calls", e);
    }
  }
}
