/**
 * Remote MCP (Model Context Protocol) servers: their registry rows ({@code /mcp-servers}), the
 * connections to them through the MCP Java SDK, and their tools adapted to the {@link
 * dev.cogent.tools.Tool} SPI as {@code <server>_<tool>}. A server that is down is reported and
 * retried, never fatal. Imports nothing of HTTP or the runtime.
 */
package dev.cogent.tools.mcp;
