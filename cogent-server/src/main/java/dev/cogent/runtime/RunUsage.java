package dev.cogent.runtime;

/**
 * The tokens one run has used so far: its own model turns, its summarization calls and its
 * subagents' turns. Used by the run's thread only.
 */
final class RunUsage {

  private int inputTokens;
  private int outputTokens;

  RunUsage(int inputTokens, int outputTokens) {
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
  }

  void add(TokenCounter.TurnTokens turn) {
    inputTokens += turn.input();
    outputTokens += turn.output();
  }

  int inputTokens() {
    return inputTokens;
  }

  int outputTokens() {
    return outputTokens;
  }
}
