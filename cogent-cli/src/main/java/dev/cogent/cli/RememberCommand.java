package dev.cogent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cogent.client.PipelineRun;
import dev.cogent.client.RememberRequest;
import dev.cogent.client.RememberResult;
import dev.cogent.client.Upload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent remember FILE…|--text T}: add, cognify and improve in one go. */
@Command(
    name = "remember",
    mixinStandardHelpOptions = true,
    description = {
      "Store files or text in a memory dataset and build its knowledge graph (add, cognify and"
          + " the default improve). Files: txt, md, html, csv, json, pdf, docx.",
      "On a terminal, progress bars show the upload (bytes) and cognify (documents). Exits 1"
          + " when the pipeline errors."
    })
final class RememberCommand implements Callable<Integer> {

  static final String DEFAULT_DATASET = "main_dataset";

  @Spec CommandSpec spec;
  @Mixin ClientOptions options;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to remember.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--text",
      paramLabel = "TEXT",
      description = "Text to remember (repeatable), besides or instead of files.")
  List<String> texts = new ArrayList<>();

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = "Your dataset to store into, created when missing (default: main_dataset).")
  String dataset = DEFAULT_DATASET;

  @Option(
      names = "--node-set",
      paramLabel = "TAG",
      description = "Tag the documents (repeatable), for `recall --node-name`.")
  List<String> nodeSet = new ArrayList<>();

  @Option(
      names = "--background",
      description = "Return once uploaded; print the run id instead of waiting for cognify.")
  boolean background;

  @Override
  public Integer call() {
    Output output = ClientCalls.output(spec);
    if (files.isEmpty() && texts.isEmpty()) {
      output.error("cogent: give at least one FILE or --text");
      return ExitCodes.USAGE;
    }
    List<Upload> uploads = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        output.error("cogent: no such file: " + file);
        return ExitCodes.USAGE;
      }
      uploads.add(Upload.of(file));
    }
    texts.forEach(text -> uploads.add(Upload.text(text)));
    return ClientCalls.run(
        options,
        output,
        client -> {
          RememberResult result;
          ProgressBar upload = output.progress(options.json, "upload ", true);
          try {
            result =
                client
                    .memory()
                    .remember(
                        RememberRequest.into(dataset, uploads).withNodeSet(nodeSet).inBackground(),
                        upload::update);
          } finally {
            upload.finish();
          }
          String status = result.status();
          String error = null;
          if (!background && "running".equals(status)) {
            PipelineRun run =
                PipelineWatch.await(
                    client, result.pipelineRunId(), output, options.json, "cognify");
            status = run.isCompleted() ? "completed" : "errored";
            error = run.isErrored() ? PipelineWatch.error(run) : null;
          }
          if (options.json) {
            ObjectNode body = ProjectFiles.JSON.valueToTree(result);
            body.put("status", status);
            if (error != null) {
              body.put("error", error);
            }
            output.json(body);
          } else {
            output.line(
                status
                    + ": "
                    + result.itemsProcessed()
                    + " document(s) in dataset "
                    + result.datasetName()
                    + " (run "
                    + result.pipelineRunId()
                    + ")");
          }
          if (error != null) {
            output.error("cogent: the memory pipeline errored: " + error);
            return ExitCodes.SERVER_ERROR;
          }
          return ExitCodes.OK;
        });
  }
}
