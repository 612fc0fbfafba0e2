/**
 * Memory search: the seventeen search types of spec 002 ({@link
 * dev.cogent.memory.search.SearchType}, one {@link dev.cogent.memory.search.Retriever} class each),
 * the search and recall services with their validation, the rule-based query router of recall,
 * search history, and the agents' {@code recall} tool.
 *
 * <p>It reads memory only through {@link dev.cogent.memory.search.DatasetMemory}, one dataset at a
 * time, after the dataset resolver has checked the caller's {@code read} permission; it never
 * writes memory. It must not import {@code dev.cogent.http} or Javalin.
 */
package dev.cogent.memory.search;
