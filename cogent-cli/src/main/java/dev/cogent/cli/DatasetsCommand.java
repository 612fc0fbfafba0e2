package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import dev.cogent.client.CognifyRequest;
import dev.cogent.client.Dataset;
import dev.cogent.client.DatasetGraph;
import dev.cogent.client.PipelineRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent datasets list|create|delete|data|raw|status|graph|cognify}. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = {
      "Memory datasets. A DATASET is the name of one of yours or the id of any you may read.",
      "Fill them with `cogent remember`, search them with `cogent recall`."
    },
    subcommands = {
      DatasetsCommand.ListCommand.class,
      DatasetsCommand.CreateCommand.class,
      DatasetsCommand.DeleteCommand.class,
      DatasetsCommand.DataCommand.class,
      DatasetsCommand.RawCommand.class,
      DatasetsCommand.StatusCommand.class,
      DatasetsCommand.GraphCommand.class,
      DatasetsCommand.CognifyCommand.class
    })
final class DatasetsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The id of the caller's dataset named {@code nameOrId}, else of the readable one with it. */
  static String id(CogentClient client, String nameOrId) {
    return client.datasets().get(nameOrId).id();
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List them as a table.")
  static final class ListCommand extends ResourceCommands.ListBase {
    ListCommand() {
      super("id", "name", "createdAt", "ownerId");
    }

    @Override
    List<?> fetch(CogentClient client) {
      return client.datasets().list();
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a dataset (answers the existing one of that name); prints its id.")
  static final class CreateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return ResourceCommands.printed(
          spec, options, client -> client.datasets().create(name), Dataset::id);
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete datasets with their documents, graph and index.")
  static final class DeleteCommand extends ResourceCommands.DeleteBase {
    @Override
    void remove(CogentClient client, String name) {
      client.datasets().delete(id(client, name));
    }
  }

  @Command(
      name = "data",
      mixinStandardHelpOptions = true,
      description = "List a dataset's documents and their cognify status.")
  static final class DataCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "DATASET")
    String dataset;

    @Override
    public Integer call() {
      return ResourceCommands.list(
          spec,
          options,
          client -> client.datasets().data(id(client, dataset)),
          "id",
          "name",
          "mimeType",
          "dataSize",
          "status",
          "nodeSet");
    }
  }

  @Command(
      name = "raw",
      mixinStandardHelpOptions = true,
      description = "Write a document's bytes, as added, to --output or stdout.")
  static final class RawCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(index = "0", paramLabel = "DATASET")
    String dataset;

    @Parameters(index = "1", paramLabel = "DATA_ID")
    String dataId;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write to FILE.")
    Path file;

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            byte[] bytes = client.datasets().raw(id(client, dataset), dataId);
            if (file == null) {
              output.text(new String(bytes, StandardCharsets.UTF_8));
            } else {
              try {
                Files.write(file, bytes);
              } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
              }
              output.line("wrote " + bytes.length + " bytes to " + file);
            }
            return ExitCodes.OK;
          });
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Print the cognify status of datasets (default: all of them).")
  static final class StatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "DATASET", arity = "0..*")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            List<Dataset> all = client.datasets().list();
            List<Dataset> chosen =
                names.isEmpty()
                    ? all
                    : names.stream().map(name -> client.datasets().get(name)).toList();
            Map<String, String> statuses =
                client.datasets().status(chosen.stream().map(Dataset::id).toList());
            List<Map<String, String>> rows = new ArrayList<>();
            for (Dataset dataset : chosen) {
              rows.add(
                  Map.of(
                      "id", dataset.id(),
                      "name", dataset.name(),
                      "status", statuses.getOrDefault(dataset.id(), "NOT_COGNIFIED")));
            }
            output.rows(options.json, rows, "id", "name", "status");
            return ExitCodes.OK;
          });
    }
  }

  @Command(
      name = "graph",
      mixinStandardHelpOptions = true,
      description = "Print a dataset's knowledge graph as SOURCE RELATION TARGET rows.")
  static final class GraphCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "DATASET")
    String dataset;

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            DatasetGraph graph = client.datasets().graph(id(client, dataset));
            if (options.json) {
              output.json(graph);
              return ExitCodes.OK;
            }
            Map<String, String> names = new HashMap<>();
            graph.nodes().forEach(node -> names.put(node.id(), node.label()));
            List<List<String>> rows = new ArrayList<>();
            for (DatasetGraph.Edge edge : graph.edges()) {
              rows.add(
                  List.of(
                      names.getOrDefault(edge.source(), edge.source()),
                      edge.label(),
                      names.getOrDefault(edge.target(), edge.target())));
            }
            output.table(List.of("SOURCE", "RELATION", "TARGET"), rows);
            output.line(graph.nodes().size() + " nodes, " + graph.edges().size() + " edges");
            return ExitCodes.OK;
          });
    }
  }

  @Command(
      name = "cognify",
      mixinStandardHelpOptions = true,
      description = {
        "Build the knowledge graph of the documents not cognified yet, one dataset after the"
            + " other; on a terminal a progress bar follows each run.",
        "Exits 1 when a run errors."
      })
  static final class CognifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "DATASET", arity = "1..*")
    List<String> names;

    @Option(names = "--background", description = "Start the runs and print their ids.")
    boolean background;

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            List<String> ids = names.stream().map(name -> id(client, name)).toList();
            Map<String, PipelineRun> started =
                client.memory().cognify(CognifyRequest.datasetIds(ids).inBackground());
            List<PipelineRun> runs = new ArrayList<>();
            for (PipelineRun run : started.values()) {
              runs.add(
                  background
                      ? run
                      : PipelineWatch.await(
                          client,
                          run.pipelineRunId(),
                          output,
                          options.json,
                          "cognify " + run.datasetName()));
            }
            output.rows(options.json, runs, "dataset_name", "status", "pipeline_run_id");
            for (PipelineRun run : runs) {
              if (run.isErrored()) {
                output.error(
                    "cogent: cognify of "
                        + run.datasetName()
                        + " errored: "
                        + PipelineWatch.error(run));
                return ExitCodes.SERVER_ERROR;
              }
            }
            return ExitCodes.OK;
          });
    }
  }
}
