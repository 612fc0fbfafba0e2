package dev.cogent.memory.search;

import dev.cogent.identity.Principal;
import dev.cogent.scope.Scope;
import java.util.List;

/**
 * A validated search as the retrievers see it.
 *
 * @param caller who searches (the agentic retriever's skills and tools are theirs)
 * @param scope the caller's scope, in which the chat model is resolved
 * @param systemPrompt the completion system prompt; never null
 * @param nodeNames node-set filter, empty for none
 * @param maxIter rounds of COT and iterations of the agentic loop; null for the type's default
 */
record SearchQuery(
    Principal caller,
    Scope scope,
    String text,
    String systemPrompt,
    List<String> nodeNames,
    int topK,
    boolean onlyContext,
    boolean includeReferences,
    List<String> skills,
    List<String> tools,
    Integer maxIter) {

  SearchQuery {
    nodeNames = List.copyOf(nodeNames);
    skills = skills == null ? null : List.copyOf(skills);
    tools = tools == null ? null : List.copyOf(tools);
  }

  /** The same search for another query text (sub-queries, follow-ups). */
  SearchQuery withText(String other) {
    return new SearchQuery(
        caller,
        scope,
        other,
        systemPrompt,
        nodeNames,
        topK,
        onlyContext,
        includeReferences,
        skills,
        tools,
        maxIter);
  }
}
