package dev.cogent.cli;

import dev.cogent.client.SearchRequest;
import dev.cogent.client.SearchType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent recall QUERY [--type T] [--dataset D] [--top-k N]}. */
@Command(
    name = "recall",
    mixinStandardHelpOptions = true,
    description = {
      "Search memory and print what it found: answers, chunks, summaries or rules, one row each.",
      "Without --type the server's query router picks the search type from the query."
    })
final class RecallCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions options;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The question (words joined).")
  List<String> query;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "Search type: ${COMPLETION-CANDIDATES} (case-insensitive).",
      completionCandidates = SearchTypes.class)
  String type;

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = "Only this dataset of yours (repeatable; default: every readable one).")
  List<String> datasets = new ArrayList<>();

  @Option(names = "--top-k", paramLabel = "N", description = "Results to keep, 1-1000.")
  Integer topK;

  @Option(
      names = "--node-name",
      paramLabel = "TAG",
      description = "Only what documents with this node set produced (repeatable).")
  List<String> nodeName = new ArrayList<>();

  @Option(
      names = "--only-context",
      description = "Completion types print the context instead of asking the model.")
  boolean onlyContext;

  @Override
  public Integer call() {
    Output output = ClientCalls.output(spec);
    SearchRequest.Builder request = SearchRequest.builder(searchType(), String.join(" ", query));
    if (!datasets.isEmpty()) {
      request.datasets(datasets);
    }
    if (!nodeName.isEmpty()) {
      request.nodeName(nodeName);
    }
    if (topK != null) {
      request.topK(topK);
    }
    if (onlyContext) {
      request.onlyContext(true);
    }
    return ResourceCommands.list(
        spec,
        options,
        client -> client.memory().recall(request.build()),
        "kind",
        "search_type",
        "score",
        "dataset_name",
        "text");
  }

  private SearchType searchType() {
    if (type == null) {
      return null;
    }
    try {
      return SearchType.valueOf(type.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "unknown search type '" + type + "'; one of " + Arrays.toString(SearchType.values()));
    }
  }

  /** The search types, for help and shell completion. */
  static final class SearchTypes extends ArrayList<String> {
    SearchTypes() {
      super(Arrays.stream(SearchType.values()).map(Enum::name).toList());
    }
  }
}
