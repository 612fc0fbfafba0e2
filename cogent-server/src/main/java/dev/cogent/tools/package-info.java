/**
 * The tool SPI ({@link dev.cogent.tools.Tool}), built-in tools, the per-session workspace with its
 * path confinement, and sandboxes that run commands. Imports nothing of HTTP or the runtime.
 */
package dev.cogent.tools;
