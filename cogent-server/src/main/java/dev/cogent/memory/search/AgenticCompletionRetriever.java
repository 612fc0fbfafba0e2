package dev.cogent.memory.search;

import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.registry.Skill;
import dev.cogent.registry.SkillService;
import dev.cogent.runtime.AgentAnswer;
import dev.cogent.runtime.AgentTask;
import dev.cogent.runtime.AgentTasks;
import dev.cogent.tools.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * AGENTIC_COMPLETION: a real agent run ({@link AgentTasks}) over one dataset, as the anchor's
 * agentic retriever. The run's agent has the request's {@code system_prompt} (followed by {@link
 * Prompts#AGENTIC_SYSTEM}), the request's {@code skills} (registry skills of the caller's scope,
 * listed in its system prompt and read with {@code read_file}, which the run then always has) and
 * the request's {@code tools}: names of server, registry or MCP tools of the caller's scope, or of
 * the two memory tools this search adds: {@code recall} and {@code memory_search}, both over the
 * searched dataset with the caller's permissions. Without {@code tools} it has just the memory
 * tools. {@code max_iter} is the run's recursion limit (default {@value #DEFAULT_ITERATIONS} model
 * turns). The user message is the question with the memory triplets found for it; the answer is the
 * run's final message and the objects are the run's tool calls with their results.
 *
 * <p>With {@code only_context} the initial memory context is returned without a run.
 *
 * <p>Errors: 422 for a skill or tool that does not exist in the caller's scope; see {@link
 * AgentTasks#answer} for how a run without an answer fails.
 */
final class AgenticCompletionRetriever implements Retriever {

  static final int DEFAULT_ITERATIONS = 6;

  /** The tools of a run whose request names none. */
  static final List<String> MEMORY_TOOLS = List.of(DatasetRecallTool.NAME, MemorySearchTool.NAME);

  /** How skills are read in a run (see the runtime's skills middleware). */
  static final String READ_FILE = "read_file";

  private final TripletSearch triplets;
  private final Function<SearchType, Retriever> retrievers;
  private final QueryRouter router;
  private final SkillService skills;
  private final Supplier<AgentTasks> agents;
  private final Json json;

  /**
   * @param agents the runtime's entry point; a supplier because the runtime is built after the
   *     memory tools it gives agents
   */
  AgenticCompletionRetriever(
      TripletSearch triplets,
      Function<SearchType, Retriever> retrievers,
      QueryRouter router,
      SkillService skills,
      Supplier<AgentTasks> agents,
      Json json) {
    this.triplets = triplets;
    this.retrievers = retrievers;
    this.router = router;
    this.skills = skills;
    this.agents = agents;
    this.json = json;
  }

  @Override
  public SearchType type() {
    return SearchType.AGENTIC_COMPLETION;
  }

  /**
   * Checks the {@code skills} before any dataset is touched (tools are checked by the runtime).
   *
   * @throws ApiException 422 naming the skill that is missing or disabled in the caller's scope
   */
  void validate(SearchQuery query) {
    if (query.skills() == null) {
      return;
    }
    for (String name : query.skills()) {
      if (skills.find(name, query.scope()).filter(Skill::enabled).isEmpty()) {
        throw ApiException.invalid("skills", "no enabled skill named '" + name + "' in your scope");
      }
    }
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    List<Triplet> initial = triplets.search(memory, query.text(), query.topK(), query.nodeNames());
    String context = GraphContext.render(initial);
    if (query.onlyContext()) {
      List<Object> objects = initial.stream().<Object>map(Triplet::payload).toList();
      return new SearchOutcome(objects, context, List.of(), type());
    }
    List<String> skillNames = query.skills() == null ? List.of() : query.skills();
    List<String> tools = new ArrayList<>(query.tools() == null ? MEMORY_TOOLS : query.tools());
    if (!skillNames.isEmpty() && !tools.contains(READ_FILE)) {
      tools.add(READ_FILE);
    }
    List<Tool> memoryTools =
        List.of(
            new DatasetRecallTool(retrievers, router, query, memory, json),
            new MemorySearchTool(triplets, query, memory));
    AgentAnswer answer =
        agents
            .get()
            .answer(
                new AgentTask(
                    query.scope(),
                    "AGENTIC_COMPLETION search of dataset " + memory.datasetName(),
                    query.systemPrompt() + "\n\n" + Prompts.AGENTIC_SYSTEM,
                    tools,
                    skillNames,
                    memoryTools,
                    query.maxIter() == null ? DEFAULT_ITERATIONS : query.maxIter(),
                    userPrompt(query.text(), context)));
    List<Object> steps = new ArrayList<>();
    for (AgentAnswer.Step step : answer.steps()) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("tool_call_id", step.toolCallId());
      object.put("tool", step.name());
      object.put("args", step.args());
      object.put("output", step.output());
      steps.add(object);
    }
    return new SearchOutcome(steps, context, List.of(answer.text()), type());
  }

  private static String userPrompt(String question, String context) {
    return "Question:\n"
        + question
        + "\n\nMemory:\n"
        + (context.isEmpty() ? "(nothing found)" : context);
  }
}
