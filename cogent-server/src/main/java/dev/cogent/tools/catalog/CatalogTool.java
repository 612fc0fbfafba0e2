package dev.cogent.tools.catalog;

import dev.cogent.tools.Tool;

/**
 * A {@link Tool} that comes from a catalog row: an agent's {@code tools} list may name it by the
 * row's name as well as its own, and the row may ask for approval of every call.
 */
public interface CatalogTool extends Tool {

  /** The registry row the tool belongs to ({@code search-jira} for the function search_jira). */
  String registryName();

  /** The row's {@code interrupt_on}: calls wait for a human unless the agent says otherwise. */
  boolean interruptOn();
}
