package dev.cogent.runtime;

import dev.cogent.llm.ModelFacts;
import dev.cogent.llm.SummaryRequests;
import dev.cogent.session.Message;
import dev.cogent.session.MessageRole;
import dev.cogent.session.MessageService;
import dev.cogent.session.ToolCall;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the history when it nears the model's context window: once the turn's conversation
 * reaches {@code runtime.summarization_trigger_percent} of the window (from the model catalog, or
 * {@code runtime.default_context_window_tokens}), the older part of the transcript (with any
 * earlier summary) is summarized by the run's model, and the model sees the summary in its system
 * prompt instead of it.
 *
 * <p>The older part is everything before the current user message and, when the current run has
 * taken more than {@value #KEPT_STEPS} steps (an assistant message with its tool calls and their
 * results), its steps but the latest {@value #KEPT_STEPS} too: one long run of many tool calls
 * would otherwise overflow the window. A cut falls only before an assistant message, so a tool call
 * and its result are never split apart. The current user message is always shown verbatim: when the
 * summary covers it, it is shown first, before the steps the summary left (providers expect the
 * conversation to start with a user message, and the scripted model reads its script there).
 *
 * <p>The summary is stored in the transcript as a {@code system} message whose {@code parent_id}
 * names the last message it covers: that is the compaction's checkpoint, so every later turn, run
 * and server restart builds the same shorter conversation; the full transcript stays readable
 * through the API. The run's stream gets a {@code status} event {@code summarized} (the spec has no
 * event of its own for this). The summarization call's tokens count in the run's usage.
 *
 * <p>A failed summarization call is logged and the turn goes on unsummarized. Subagents'
 * conversations are not summarized.
 */
final class SummarizationMiddleware implements Middleware {

  /** The {@code status} value that tells the client the history was summarized. */
  static final String STATUS = "summarized";

  /**
   * Steps of the current run that stay verbatim: the latest one, whose results the model is about
   * to act on, and the one before it for continuity.
   */
  static final int KEPT_STEPS = 2;

  private static final Logger log = LoggerFactory.getLogger(SummarizationMiddleware.class);

  private final MessageService messages;
  private final ChatHistory history;
  private final TokenCounter tokens;
  private final ModelFacts catalog;
  private final int triggerPercent;
  private final int defaultContextWindow;
  private final InstantSource clock;

  SummarizationMiddleware(
      MessageService messages,
      ChatHistory history,
      TokenCounter tokens,
      ModelFacts catalog,
      Limits limits,
      InstantSource clock) {
    this.messages = messages;
    this.history = history;
    this.tokens = tokens;
    this.catalog = catalog;
    this.triggerPercent = limits.triggerPercent();
    this.defaultContextWindow = limits.defaultContextWindow();
    this.clock = clock;
  }

  /** When to summarize: a share of the context window, and the window of unknown models. */
  record Limits(int triggerPercent, int defaultContextWindow) {}

  @Override
  public String name() {
    return "SummarizationMiddleware";
  }

  @Override
  public Conversation beforeModel(ModelTurnContext turn, Conversation conversation) {
    Compacted current = applyLatestSummary(conversation.transcript());
    Conversation shown = show(conversation.systemPrompt(), current);
    int cut = cut(current.rest());
    if (cut <= 0 || tokensBelow(shown, trigger(turn))) {
      return shown;
    }
    List<Message> older = current.rest().subList(0, cut);
    ChatRequest request =
        SummaryRequests.of(turn.run().choice().model(), transcript(current.summary(), older));
    ChatResponse response;
    try {
      response =
          new ModelTurn(turn.run().model(), token -> {}, turn.run().cancellation()).call(request);
    } catch (ModelTurn.ModelCallException e) {
      log.warn("Summarizing the history of run {} failed; going on without", turn.run().runId(), e);
      return shown;
    }
    turn.usage().add(tokens.of(request, response));
    String text = response.aiMessage().text() == null ? "" : response.aiMessage().text().strip();
    if (text.isEmpty()) {
      return shown;
    }
    Message summary = summaryMessage(turn.run(), text, older.get(older.size() - 1).id());
    messages.append(summary, turn.run().runId());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("status", STATUS);
    event.put("summarized_messages", older.size());
    event.put("message_id", summary.id());
    turn.run().emitter().emit("status", event);
    List<Message> kept = current.rest().subList(cut, current.rest().size());
    Message lead =
        kept.isEmpty() || kept.get(0).role() != MessageRole.USER
            ? latestUser(current.lead(), older)
            : null;
    return show(conversation.systemPrompt(), new Compacted(summary.content(), lead, kept));
  }

  /**
   * The transcript after its latest summary: the summary's text, the user message shown before the
   * rest when the summary covers the current one (else null), and the messages the summary left.
   */
  record Compacted(String summary, Message lead, List<Message> rest) {}

  static boolean isSummary(Message message) {
    return message.role() == MessageRole.SYSTEM && message.parentId() != null;
  }

  static Compacted applyLatestSummary(List<Message> transcript) {
    int summaryIndex = -1;
    for (int i = transcript.size() - 1; i >= 0; i--) {
      if (isSummary(transcript.get(i))) {
        summaryIndex = i;
        break;
      }
    }
    if (summaryIndex < 0) {
      return new Compacted(null, null, transcript);
    }
    Message summary = transcript.get(summaryIndex);
    int coveredThrough = summaryIndex;
    for (int i = 0; i < summaryIndex; i++) {
      if (transcript.get(i).id().equals(summary.parentId())) {
        coveredThrough = i;
        break;
      }
    }
    List<Message> rest = new ArrayList<>();
    for (int i = coveredThrough + 1; i < transcript.size(); i++) {
      if (!isSummary(transcript.get(i))) {
        rest.add(transcript.get(i));
      }
    }
    Message lead =
        rest.isEmpty() || rest.get(0).role() != MessageRole.USER
            ? latestUser(null, transcript.subList(0, coveredThrough + 1))
            : null;
    return new Compacted(summary.content(), lead, rest);
  }

  /**
   * Where to cut {@code rest} (the messages before the index are summarized): before the current
   * run's latest {@link #KEPT_STEPS} steps when it has more, else before the current user message;
   * 0 when there is nothing to summarize.
   */
  static int cut(List<Message> rest) {
    int lastUser = -1;
    List<Integer> steps = new ArrayList<>();
    for (int i = rest.size() - 1; i >= 0 && lastUser < 0; i--) {
      MessageRole role = rest.get(i).role();
      if (role == MessageRole.USER) {
        lastUser = i;
      } else if (role == MessageRole.ASSISTANT) {
        steps.add(0, i);
      }
    }
    if (steps.size() > KEPT_STEPS) {
      return steps.get(steps.size() - KEPT_STEPS);
    }
    return Math.max(lastUser, 0);
  }

  private static Message latestUser(Message earlier, List<Message> covered) {
    for (int i = covered.size() - 1; i >= 0; i--) {
      if (covered.get(i).role() == MessageRole.USER) {
        return covered.get(i);
      }
    }
    return earlier;
  }

  private static Conversation show(String systemPrompt, Compacted compacted) {
    List<Message> transcript = new ArrayList<>();
    if (compacted.lead() != null) {
      transcript.add(compacted.lead());
    }
    transcript.addAll(compacted.rest());
    if (compacted.summary() == null) {
      return new Conversation(systemPrompt, transcript);
    }
    return new Conversation(
        systemPrompt + "\n\n## Summary of the earlier conversation\n\n" + compacted.summary(),
        transcript);
  }

  private int trigger(ModelTurnContext turn) {
    int window =
        catalog
            .findContextWindow(turn.run().choice().provider(), turn.run().choice().model())
            .orElse(defaultContextWindow);
    return (int) ((long) window * triggerPercent / 100);
  }

  private boolean tokensBelow(Conversation conversation, int limit) {
    List<ChatMessage> chat = new ArrayList<>();
    chat.add(SystemMessage.from(conversation.systemPrompt()));
    chat.addAll(history.from(conversation.transcript()));
    return tokens.estimateIsBelow(chat, limit);
  }

  /** The messages to summarize as plain text, one block per message. */
  private static String transcript(String earlierSummary, List<Message> older) {
    StringBuilder text = new StringBuilder();
    if (earlierSummary != null) {
      text.append("[summary of what came before]\n").append(earlierSummary).append("\n\n");
    }
    for (Message message : older) {
      text.append('[').append(message.role().name().toLowerCase(Locale.ROOT)).append("]\n");
      if (!message.content().isEmpty()) {
        text.append(message.content()).append('\n');
      }
      for (ToolCall call : message.toolCalls()) {
        text.append("called ").append(call.name()).append(' ').append(call.args()).append('\n');
      }
      text.append('\n');
    }
    return text.toString().strip();
  }

  private Message summaryMessage(AgentLoop.RunContext run, String text, String coveredThrough) {
    return new Message(
        UUID.randomUUID().toString(),
        run.session().id(),
        MessageRole.SYSTEM,
        text,
        List.of(),
        null,
        coveredThrough,
        null,
        run.choice().model(),
        clock.instant().truncatedTo(ChronoUnit.MILLIS));
  }
}
