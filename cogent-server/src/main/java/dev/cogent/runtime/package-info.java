/**
 * The agent runtime: runs a message as a ReAct loop over a LangChain4j streaming model and the
 * session agent's tools and prompt ({@code AgentProfiles}), reports every step to the session's
 * event log, handles abort, planning ({@code write_todos}), HITL interrupts with durable
 * checkpoints and resume, subagents ({@code task}), start-up recovery and completion callbacks.
 * Model turns and tool calls pass one {@code MiddlewareChain} (security, trusted context,
 * validation, HITL, observability, memory, skills, summarization, large results), whose Javadoc
 * gives the order. Imports nothing of HTTP.
 */
package dev.cogent.runtime;
