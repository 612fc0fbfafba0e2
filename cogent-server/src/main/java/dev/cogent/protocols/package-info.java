/**
 * The agent protocols: the A2A adapter (agent cards, JSON-RPC {@code SendMessage}/{@code
 * message/send}, streaming, {@code tasks/get}, {@code tasks/cancel}) over the runtime, where an A2A
 * {@code contextId} is a session and a task is a run; and Cogent's own MCP server endpoint ({@link
 * dev.cogent.protocols.McpEndpoint}: memory, knowledge-graph and agent tools over the MCP Java
 * SDK's streamable HTTP transport). It must not import {@code dev.cogent.http} or Javalin. See
 * {@code docs/a2a.md} and {@code docs/protocols.md}.
 */
package dev.cogent.protocols;
