package dev.cogent.llm;

import dev.cogent.DaemonThreads;
import dev.cogent.tools.Cancellation;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One answer of the mock model, streamed word by word: the words of {@code
 * text.strip().split("\\s+")}, one token each, then the complete response. The first word goes at
 * once on the caller's thread; when the answer is paced, every further word comes {@code
 * paceMillis} later from the pacer, the way a provider's stream arrives on its connection's thread.
 * A paced run therefore holds no thread of its own between words: on JDK 17, where runs are
 * platform threads, 200 paced runs each woken 50 times a second were most of the first-token
 * latency's tail under many streams (docs/benchmarks.md).
 *
 * <p>The words are found one at a time as they are due rather than split up front, so an answer in
 * flight holds its text and what it streamed, not a string per word.
 *
 * <p>Thread-safe: the steps run one after another (each schedules the next); {@link #cancel} may
 * come from any thread, and ends the stream with a {@link CancellationException} at once.
 */
final class MockStream implements StreamingHandle {

  private final String text;
  private final String modelName;
  private final int inputTokens;
  private final long paceMillis;
  private final ScheduledExecutorService pacer;
  private final Cancellation cancellation;
  private final StreamingChatResponseHandler handler;
  private final StringBuilder content;
  private final AtomicReference<ScheduledFuture<?>> pending = new AtomicReference<>();
  private volatile Cancellation.Registration registration = () -> {};
  private volatile boolean cancelled;

  /** Guarded by this. */
  private boolean ended;

  /** Where the next word begins; confined to the step in progress. */
  private int next;

  /** Words streamed so far; confined to the step in progress. */
  private int produced;

  /**
   * @param paceMillis the time between two words; 0 streams them all at once on the caller's thread
   * @param pacer runs the paced words
   * @param cancellation the run's: cancelling it ends the stream at once
   */
  MockStream(
      String text,
      String modelName,
      int inputTokens,
      long paceMillis,
      ScheduledExecutorService pacer,
      Cancellation cancellation,
      StreamingChatResponseHandler handler) {
    this.text = text.strip();
    this.modelName = modelName;
    this.inputTokens = inputTokens;
    this.paceMillis = paceMillis;
    this.pacer = pacer;
    this.cancellation = cancellation;
    this.handler = handler;
    this.content = new StringBuilder(this.text.length());
    this.next = wordStart(this.text, 0);
  }

  /**
   * A pacer for the answers of a server's mock models: one daemon thread, started with the first
   * paced answer; an aborted answer's next word leaves its queue at once, not when it would have
   * been due.
   */
  static ScheduledExecutorService newPacer() {
    ScheduledThreadPoolExecutor pacer =
        new ScheduledThreadPoolExecutor(1, DaemonThreads.named("cogent-mock-pacer"));
    pacer.setRemoveOnCancelPolicy(true);
    return pacer;
  }

  /** Streams the first word (or all of them when unpaced) here, schedules the rest. */
  void start() {
    registration = cancellation.onCancel(this::cancel);
    step();
  }

  @Override
  public void cancel() {
    cancelled = true;
    ScheduledFuture<?> step = pending.get();
    if (step != null && step.cancel(false)) {
      // The next step will never run: the stream ends here.
      fail(new CancellationException("the run was cancelled during /pace"));
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelled || cancellation.isCancelled();
  }

  private void step() {
    try {
      while (true) {
        if (isCancelled()) {
          fail(new CancellationException("the run was cancelled"));
          return;
        }
        if (next >= text.length()) {
          complete();
          return;
        }
        int end = wordEnd(text, next);
        int tokenStart = content.length();
        if (produced > 0) {
          content.append(' ');
        }
        content.append(text, next, end);
        produced++;
        next = wordStart(text, end);
        handler.onPartialResponse(
            new PartialResponse(content.substring(tokenStart)), new PartialResponseContext(this));
        if (paceMillis > 0 && next < text.length()) {
          pending.set(pacer.schedule(this::step, paceMillis, TimeUnit.MILLISECONDS));
          return;
        }
      }
    } catch (RuntimeException e) {
      // A token that could not be taken, or a pacer that was shut down.
      fail(e);
    }
  }

  private void complete() {
    if (end()) {
      handler.onCompleteResponse(
          ChatResponse.builder()
              .aiMessage(AiMessage.from(content.toString()))
              .modelName(modelName)
              .tokenUsage(new TokenUsage(inputTokens, produced))
              .finishReason(FinishReason.STOP)
              .build());
    }
  }

  private void fail(Throwable error) {
    if (end()) {
      handler.onError(error);
    }
  }

  /** Ends the stream once: true for the caller that ended it. */
  private synchronized boolean end() {
    if (ended) {
      return false;
    }
    ended = true;
    registration.close();
    return true;
  }

  /** Where the first word at or after {@code from} begins; the text's length when none does. */
  static int wordStart(String text, int from) {
    int at = from;
    while (at < text.length() && isRegexSpace(text.charAt(at))) {
      at++;
    }
    return at;
  }

  /** Where the word beginning at {@code start} ends (exclusive). */
  static int wordEnd(String text, int start) {
    int at = start;
    while (at < text.length() && !isRegexSpace(text.charAt(at))) {
      at++;
    }
    return at;
  }

  /** The characters of the regex class {@code \s}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
