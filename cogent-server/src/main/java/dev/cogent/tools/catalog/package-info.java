/**
 * The tool catalog: tools registered through {@code /tools} ({@code code} in Python or JavaScript,
 * {@code path} naming a Java class of the tool SPI) and discovered in the project's {@code
 * .cogent/tools/} folder, on the scoped registry. Code tools always run as subprocesses in the
 * sandbox ({@link dev.cogent.tools.catalog.CodeRunner}); never in the server. Imports nothing of
 * HTTP or the runtime.
 */
package dev.cogent.tools.catalog;
