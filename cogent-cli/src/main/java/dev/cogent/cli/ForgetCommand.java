package dev.cogent.cli;

import dev.cogent.client.ForgetRequest;
import dev.cogent.client.ForgetResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cogent forget --all | --dataset D | --dataset-id ID [--data-id X] [--memory-only]}. */
@Command(
    name = "forget",
    mixinStandardHelpOptions = true,
    description = {
      "Delete memory: every dataset you own (--all), one dataset, or one document of it"
          + " (--data-id). --memory-only keeps the documents and removes what cognify built from"
          + " them (graph, index, session memory), so the next cognify rebuilds it.",
      "Needs delete permission on the dataset (exit 1 otherwise)."
    })
final class ForgetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions options;

  @ArgGroup(multiplicity = "1")
  Target target;

  /** Exactly one of the three. */
  static final class Target {
    @Option(names = "--all", description = "Every dataset you own.")
    boolean all;

    @Option(names = "--dataset", paramLabel = "NAME", description = "Your dataset of that name.")
    String dataset;

    @Option(names = "--dataset-id", paramLabel = "ID", description = "The dataset with that id.")
    String datasetId;
  }

  @Option(names = "--data-id", paramLabel = "ID", description = "Only this document.")
  String dataId;

  @Option(names = "--memory-only", description = "Keep the documents; forget the graph.")
  boolean memoryOnly;

  @Override
  public Integer call() {
    Output output = ClientCalls.output(spec);
    if (target.all && (dataId != null || memoryOnly)) {
      output.error("cogent: --all takes neither --data-id nor --memory-only");
      return ExitCodes.USAGE;
    }
    ForgetRequest request =
        target.all
            ? ForgetRequest.allDatasets()
            : target.dataset != null
                ? ForgetRequest.dataset(target.dataset)
                : ForgetRequest.datasetId(target.datasetId);
    if (dataId != null) {
      request = request.withDataId(dataId);
    }
    if (memoryOnly) {
      request = request.withMemoryOnly();
    }
    ForgetRequest body = request;
    return ClientCalls.run(
        options,
        output,
        client -> {
          ForgetResult result = client.memory().forget(body);
          if (options.json) {
            output.json(result);
          } else {
            output.line(describe(result));
          }
          return ExitCodes.OK;
        });
  }

  private static String describe(ForgetResult result) {
    if (result.datasetsRemoved() != null) {
      return "forgot " + result.datasetsRemoved() + " dataset(s)";
    }
    String what =
        result.dataId() != null
            ? "document " + result.dataId() + " of dataset " + result.datasetId()
            : "dataset " + result.datasetId();
    if (Boolean.TRUE.equals(result.memoryOnly())) {
      return "forgot the memory of "
          + what
          + ": "
          + result.nodesRemoved()
          + " nodes, "
          + result.edgesRemoved()
          + " edges, "
          + result.chunksRemoved()
          + " chunks; "
          + result.dataItemsReset()
          + " document(s) to cognify again";
    }
    return "forgot " + what;
  }
}
