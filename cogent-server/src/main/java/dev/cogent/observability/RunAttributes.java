package dev.cogent.observability;

/**
 * What identifies a run on its spans and on the spans of its model and tool calls.
 *
 * @param scope the session's scope in canonical form ({@code ""} for the global scope)
 * @param tenant the scope's tenant, or null when it has none
 */
public record RunAttributes(
    String sessionId, String runId, String agent, String scope, String tenant) {

  public RunAttributes {
    if (sessionId == null || runId == null || agent == null || scope == null) {
      throw new IllegalArgumentException("sessionId, runId, agent and scope are required");
    }
  }
}
