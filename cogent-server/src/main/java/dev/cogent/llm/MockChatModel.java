package dev.cogent.llm;

import dev.cogent.tools.Cancellation;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted {@code mock} model: deterministic, so the whole runtime can be driven through the
 * public API without an LLM. It reads the latest user message as a script ({@link MockScript});
 * turn {@code n} after that message performs action {@code n}. A message without script lines is
 * answered {@code Echo: <message>}; a script that has run out is answered {@code Done.}. Text is
 * streamed word by word. Usage: input tokens are the whitespace-separated words of every message it
 * was given, output tokens the words it produced. A summary request ({@link SummaryRequests}) is
 * answered {@code Summary: <the first words of the transcript> …}. See docs/testing.md.
 *
 * <p>It answers on the caller's thread, except the words of a paced answer after the first: those
 * come from the pacer ({@link MockStream}), as a provider's stream comes from its connection. One
 * instance serves one run; the run's cancellation ends a {@code /sleep} or a paced answer at once.
 */
final class MockChatModel implements StreamingChatModel {

  /** How many words of the transcript a summary repeats. */
  static final int SUMMARY_WORDS = 8;

  /** The ids of the tool calls it makes: {@code call_<turn>_<random>}. */
  private static final Pattern CALL_ID = Pattern.compile("call_(\\d+)_[0-9a-f]+");

  private final String modelName;
  private final Cancellation cancellation;
  private final ScheduledExecutorService pacer;

  /**
   * @param cancellation the run's: it ends a {@code /sleep} or a paced answer at once
   * @param pacer streams the words of paced answers ({@code /pace}, see {@link MockStream})
   */
  MockChatModel(String modelName, Cancellation cancellation, ScheduledExecutorService pacer) {
    this.modelName = modelName;
    this.cancellation = cancellation;
    this.pacer = pacer;
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    List<ChatMessage> messages = request.messages();
    int lastUser = lastUserIndex(messages);
    String prompt = lastUser < 0 ? "" : text(messages.get(lastUser));
    int turn = turn(messages, lastUser);
    int inputTokens = words(messages);
    MockScript script = MockScript.parse(prompt);
    try {
      if (SummaryRequests.isSummaryRequest(request)) {
        stream(summary(prompt), inputTokens, 0, handler);
        return;
      }
      if (!script.hasScriptLines()) {
        stream(turn == 0 ? "Echo: " + prompt : "Done.", inputTokens, 0, handler);
        return;
      }
      if (turn >= script.actions().size()) {
        sleep(script.trailingSleepMillis());
        stream("Done.", inputTokens, script.paceMillis(), handler);
        return;
      }
      MockScript.Action action = script.actions().get(turn);
      sleep(action.sleepMillis());
      if (action instanceof MockScript.Reply reply) {
        stream(reply.text(), inputTokens, script.paceMillis(), handler);
      } else if (action instanceof MockScript.Inspect) {
        stream(inspect(request), inputTokens, script.paceMillis(), handler);
      } else if (action instanceof MockScript.Fail fail) {
        handler.onError(new MockModelException(fail.message()));
      } else if (action instanceof MockScript.Tool tool) {
        ToolExecutionRequest call =
            ToolExecutionRequest.builder()
                .id(
                    "call_"
                        + turn
                        + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .name(tool.name())
                .arguments(tool.arguments())
                .build();
        int outputTokens = count(tool.name() + " " + tool.arguments());
        handler.onCompleteResponse(
            ChatResponse.builder()
                .aiMessage(AiMessage.from(List.of(call)))
                .modelName(modelName)
                .tokenUsage(new TokenUsage(inputTokens, outputTokens))
                .finishReason(FinishReason.TOOL_EXECUTION)
                .build());
      }
    } catch (CancellationException e) {
      handler.onError(e);
    }
  }

  /** Streams {@code text} word by word ({@link MockStream}). */
  private void stream(
      String text, int inputTokens, long paceMillis, StreamingChatResponseHandler handler) {
    new MockStream(text, modelName, inputTokens, paceMillis, pacer, cancellation, handler).start();
  }

  /** What a summary request is answered: its first words, so tests can tell what was compacted. */
  static String summary(String transcript) {
    String[] words = transcript.strip().split("\\s+");
    int shown = Math.min(words.length, SUMMARY_WORDS);
    return "Summary: "
        + String.join(" ", Arrays.asList(words).subList(0, shown))
        + (words.length > shown ? " …" : "");
  }

  /** What {@code /inspect} answers: the system prompt, tool names and temperature it was given. */
  private static String inspect(ChatRequest request) {
    String system =
        request.messages().stream()
            .filter(SystemMessage.class::isInstance)
            .map(message -> ((SystemMessage) message).text())
            .findFirst()
            .orElse("(none)");
    List<String> tools =
        request.toolSpecifications() == null
            ? List.of()
            : request.toolSpecifications().stream().map(spec -> spec.name()).sorted().toList();
    Double temperature = request.temperature();
    return "system: "
        + system
        + " | tools: "
        + String.join(",", tools)
        + " | temperature: "
        + (temperature == null ? "default" : temperature);
  }

  /** Waits, or stops at once when the run is cancelled. */
  private void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    CountDownLatch cancelled = new CountDownLatch(1);
    try (Cancellation.Registration registration = cancellation.onCancel(cancelled::countDown)) {
      if (cancelled.await(millis, TimeUnit.MILLISECONDS)) {
        throw new CancellationException("the run was cancelled during /sleep");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted during /sleep");
    }
  }

  /**
   * Which action of the script this turn performs: one more than the turn that made the latest tool
   * call, read from the call's id ({@code call_<turn>_…}), since summarization may have compacted
   * the run's earlier steps away; else the assistant messages after the user message.
   */
  static int turn(List<ChatMessage> messages, int lastUser) {
    int answered = 0;
    for (int i = messages.size() - 1; i > lastUser; i--) {
      if (messages.get(i) instanceof AiMessage ai) {
        if (ai.hasToolExecutionRequests()) {
          Matcher id = CALL_ID.matcher(ai.toolExecutionRequests().get(0).id());
          if (id.matches()) {
            return Integer.parseInt(id.group(1)) + 1 + answered;
          }
        }
        answered++;
      }
    }
    return answered;
  }

  private static int lastUserIndex(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage) {
        return i;
      }
    }
    return -1;
  }

  private static int words(List<ChatMessage> messages) {
    int words = 0;
    for (ChatMessage message : messages) {
      words += count(text(message));
      if (message instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
        for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
          words += count(call.name() + " " + call.arguments());
        }
      }
    }
    return words;
  }

  private static String text(ChatMessage message) {
    if (message instanceof UserMessage user) {
      return user.hasSingleText() ? user.singleText() : "";
    }
    if (message instanceof SystemMessage system) {
      return system.text();
    }
    if (message instanceof AiMessage ai) {
      return ai.text() == null ? "" : ai.text();
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return result.text();
    }
    return "";
  }

  /**
   * The words {@code text.strip().split("\\s+")} would give, counted without making them: the
   * prompt is counted on every model call, and the split strings of a long transcript were a tenth
   * of the server's garbage under many streams.
   */
  static int count(String text) {
    if (text == null) {
      return 0;
    }
    String stripped = text.strip();
    int words = 0;
    for (int start = MockStream.wordStart(stripped, 0);
        start < stripped.length();
        start = MockStream.wordStart(stripped, MockStream.wordEnd(stripped, start))) {
      words++;
    }
    return words;
  }

  /** What a {@code /fail} line makes the model call fail with. */
  static final class MockModelException extends RuntimeException {
    MockModelException(String message) {
      super(message);
    }
  }
}
