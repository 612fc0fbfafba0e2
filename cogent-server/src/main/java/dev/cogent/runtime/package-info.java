/**
 * The agent runtime: runs a message as a ReAct loop over a LangChain4j streaming model and the
 * agent's tools, reports every step to the session's event log, handles abort, planning ({@code
 * write_todos}), start-up recovery and completion callbacks. Imports nothing of HTTP.
 */
package dev.cogent.runtime;
