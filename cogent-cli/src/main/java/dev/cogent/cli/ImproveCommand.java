package dev.cogent.cli;

import dev.cogent.client.ImproveRequest;
import dev.cogent.client.PipelineRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cogent improve [--dataset D] [--extraction-task T]… [--enrichment-task T]…}. */
@Command(
    name = "improve",
    mixinStandardHelpOptions = true,
    description = {
      "Run improve tasks on a dataset (default: get_triplet_datapoints and index_data_points).",
      "Extraction tasks: extract_subgraph, extract_subgraph_chunks, get_triplet_datapoints,"
          + " extract_user_sessions, extract_agent_trace_feedbacks, detect_entity_duplicates.",
      "Enrichment tasks: cognify_session, cognify_agent_trace_feedback, apply_feedback_weights,"
          + " apply_frequency_weights, merge_entity_duplicates, index_data_points.",
      "Exits 1 when the pipeline errors."
    })
final class ImproveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions options;

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = "Your dataset (default: main_dataset).")
  String dataset = RememberCommand.DEFAULT_DATASET;

  // Two options as the API has two lists: the server owns the task names and refuses unknown ones.
  @Option(
      names = "--extraction-task",
      paramLabel = "TASK",
      description = "An extraction task to run (repeatable).")
  List<String> extractionTasks = new ArrayList<>();

  @Option(
      names = "--enrichment-task",
      paramLabel = "TASK",
      description = "An enrichment task to run (repeatable).")
  List<String> enrichmentTasks = new ArrayList<>();

  @Option(
      names = "--session",
      paramLabel = "ID",
      description = "Bridge this session's memory and transcript into the graph (repeatable).")
  List<String> sessions = new ArrayList<>();

  @Option(
      names = "--node-name",
      paramLabel = "TAG",
      description = "Only the nodes of this node set (repeatable).")
  List<String> nodeName = new ArrayList<>();

  @Override
  public Integer call() {
    ImproveRequest request =
        ImproveRequest.dataset(dataset).withTasks(extractionTasks, enrichmentTasks);
    if (!sessions.isEmpty()) {
      request = request.withSessionIds(sessions);
    }
    if (!nodeName.isEmpty()) {
      request = request.withNodeName(nodeName);
    }
    ImproveRequest body = request;
    Output output = ClientCalls.output(spec);
    return ClientCalls.run(
        options,
        output,
        client -> {
          Map<String, PipelineRun> runs = client.memory().improve(body);
          output.rows(
              options.json,
              List.copyOf(runs.values()),
              "dataset_name",
              "status",
              "pipeline_run_id");
          return ExitCodes.OK;
        });
  }
}
