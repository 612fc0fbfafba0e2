/**
 * The agent protocols: the A2A adapter (agent cards, JSON-RPC {@code SendMessage}/{@code
 * message/send}, streaming, {@code tasks/get}, {@code tasks/cancel}) over the runtime. An A2A
 * {@code contextId} is a session, a task is a run. See {@code docs/a2a.md}.
 */
package dev.cogent.protocols;
