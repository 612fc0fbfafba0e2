package dev.cogent.memory.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cogent.ApiException;
import dev.cogent.Json;
import dev.cogent.registry.Skill;
import dev.cogent.registry.SkillService;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AGENTIC_COMPLETION: a ReAct loop on the chat model over one dataset, as the anchor's agentic
 * retriever. The model starts from the memory triplets of the question and the catalog of the
 * requested {@code skills}, and may call {@code memory_search} (graph context for a query of its
 * own) and {@code load_skill} (a skill's instructions), restricted to the {@code tools} whitelist.
 * It runs at most {@code max_iter} model turns (default {@value #DEFAULT_ITERATIONS}); then one
 * turn without tools forces the final answer. Tool outputs are cut at {@value #MAX_TOOL_OUTPUT}
 * characters. Skills are looked up in the caller's scope; an unknown or disabled skill, or an
 * unknown tool name, is 422.
 *
 * <p>With {@code only_context} the initial memory context is returned without running the loop.
 */
final class AgenticCompletionRetriever implements Retriever {

  static final int DEFAULT_ITERATIONS = 6;
  static final int MAX_TOOL_OUTPUT = 8_000;
  static final String MEMORY_SEARCH = "memory_search";
  static final String LOAD_SKILL = "load_skill";
  static final List<String> TOOLS = List.of(MEMORY_SEARCH, LOAD_SKILL);

  private final TripletSearch triplets;
  private final Answerer answerer;
  private final SkillService skills;
  private final Json json;

  AgenticCompletionRetriever(
      TripletSearch triplets, Answerer answerer, SkillService skills, Json json) {
    this.triplets = triplets;
    this.answerer = answerer;
    this.skills = skills;
    this.json = json;
  }

  @Override
  public SearchType type() {
    return SearchType.AGENTIC_COMPLETION;
  }

  /**
   * Checks the {@code tools} whitelist and the {@code skills} before any dataset is touched.
   *
   * @throws ApiException 422 naming the unknown tool or skill
   */
  Map<String, Skill> validate(SearchQuery query) {
    if (query.tools() != null) {
      for (int i = 0; i < query.tools().size(); i++) {
        if (!TOOLS.contains(query.tools().get(i))) {
          throw ApiException.invalid(
              "tools[" + i + "]",
              "unknown tool '"
                  + query.tools().get(i)
                  + "'; available: "
                  + String.join(", ", TOOLS));
        }
      }
    }
    Map<String, Skill> loaded = new LinkedHashMap<>();
    if (query.skills() != null) {
      for (int i = 0; i < query.skills().size(); i++) {
        String name = query.skills().get(i);
        Skill skill =
            skills
                .find(name, query.scope())
                .filter(Skill::enabled)
                .orElseThrow(
                    () ->
                        ApiException.invalid(
                            "skills", "no enabled skill named '" + name + "' in your scope"));
        loaded.put(name, skill);
      }
    }
    return loaded;
  }

  @Override
  public SearchOutcome search(SearchQuery query, DatasetMemory memory) {
    Map<String, Skill> catalog = validate(query);
    List<Triplet> initial = triplets.search(memory, query.text(), query.topK(), query.nodeNames());
    String context = GraphContext.render(initial);
    List<Object> objects = initial.stream().<Object>map(Triplet::payload).toList();
    if (query.onlyContext()) {
      return new SearchOutcome(objects, context, List.of(), type());
    }
    List<String> allowed = query.tools() == null ? TOOLS : query.tools();
    List<ToolSpecification> specs = new ArrayList<>();
    if (allowed.contains(MEMORY_SEARCH)) {
      specs.add(spec(MEMORY_SEARCH, "Search the memory graph; returns graph context.", "query"));
    }
    if (allowed.contains(LOAD_SKILL) && !catalog.isEmpty()) {
      specs.add(spec(LOAD_SKILL, "Load the instructions of one skill of the catalog.", "name"));
    }
    List<ChatMessage> conversation = new ArrayList<>();
    conversation.add(SystemMessage.from(query.systemPrompt() + "\n\n" + Prompts.AGENTIC_SYSTEM));
    conversation.add(UserMessage.from(userPrompt(query.text(), context, catalog)));
    int iterations = query.maxIter() == null ? DEFAULT_ITERATIONS : query.maxIter();
    for (int turn = 0; turn < iterations; turn++) {
      AiMessage ai = answerer.completions().chat(query.scope(), conversation, specs).aiMessage();
      conversation.add(ai);
      if (!ai.hasToolExecutionRequests()) {
        return new SearchOutcome(objects, context, List.of(text(ai)), type());
      }
      for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
        conversation.add(
            ToolExecutionResultMessage.from(call, cut(run(call, allowed, catalog, query, memory))));
      }
    }
    conversation.add(
        UserMessage.from("You have used every step. Give your final answer now, without tools."));
    AiMessage last =
        answerer.completions().chat(query.scope(), conversation, List.of()).aiMessage();
    return new SearchOutcome(objects, context, List.of(text(last)), type());
  }

  private String run(
      ToolExecutionRequest call,
      List<String> allowed,
      Map<String, Skill> catalog,
      SearchQuery query,
      DatasetMemory memory) {
    if (!allowed.contains(call.name())) {
      return "Unknown tool '" + call.name() + "'. Available tools: " + String.join(", ", allowed);
    }
    String argument = argument(call, call.name().equals(MEMORY_SEARCH) ? "query" : "name");
    if (argument == null) {
      return "Invalid arguments for tool '" + call.name() + "'.";
    }
    if (call.name().equals(MEMORY_SEARCH)) {
      String found =
          GraphContext.render(triplets.search(memory, argument, query.topK(), query.nodeNames()));
      return found.isEmpty() ? "Nothing found in memory for: " + argument : found;
    }
    Skill skill = catalog.get(argument);
    if (skill == null) {
      return "Unknown skill '" + argument + "'. Skills: " + String.join(", ", catalog.keySet());
    }
    return skill.content() == null ? "" : skill.content();
  }

  private String argument(ToolExecutionRequest call, String name) {
    try {
      JsonNode arguments = json.mapper().readTree(call.arguments());
      JsonNode value = arguments == null ? null : arguments.get(name);
      return value != null && value.isTextual() ? value.asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String userPrompt(String question, String context, Map<String, Skill> catalog) {
    StringBuilder prompt = new StringBuilder("Question:\n").append(question);
    prompt.append("\n\nMemory:\n").append(context.isEmpty() ? "(nothing found)" : context);
    if (!catalog.isEmpty()) {
      prompt.append("\n\nSkills:");
      catalog
          .values()
          .forEach(
              skill ->
                  prompt
                      .append("\n- ")
                      .append(skill.name())
                      .append(": ")
                      .append(skill.description()));
    }
    return prompt.toString();
  }

  private static ToolSpecification spec(String name, String description, String parameter) {
    return ToolSpecification.builder()
        .name(name)
        .description(description)
        .parameters(
            JsonObjectSchema.builder().addStringProperty(parameter).required(parameter).build())
        .build();
  }

  private static String text(AiMessage ai) {
    return ai.text() == null ? "" : ai.text().strip();
  }

  private static String cut(String output) {
    return output.length() <= MAX_TOOL_OUTPUT ? output : output.substring(0, MAX_TOOL_OUTPUT) + "…";
  }
}
