package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import dev.cogent.client.PipelineRun;
import java.time.Duration;

/** Waits for a memory pipeline run, drawing its progress (items done of all) while it runs. */
final class PipelineWatch {

  private static final Duration POLL = Duration.ofMillis(250);

  private PipelineWatch() {}

  /** Polls the run until it completed or errored; the bar is drawn only on a terminal. */
  static PipelineRun await(
      CogentClient client, String runId, Output output, boolean json, String label) {
    ProgressBar bar = output.progress(json, label, false);
    try {
      return client.memory().awaitRun(runId, POLL, bar::update);
    } finally {
      bar.finish();
    }
  }

  /** The run's error in one line, for a message. */
  static String error(PipelineRun run) {
    return run.payload() == null || run.payload().error() == null
        ? run.status()
        : run.payload().error();
  }
}
