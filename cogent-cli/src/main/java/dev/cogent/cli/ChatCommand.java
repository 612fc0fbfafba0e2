package dev.cogent.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogent.client.CogentClient;
import dev.cogent.client.Decision;
import dev.cogent.client.EventStream;
import dev.cogent.client.MessageRequest;
import dev.cogent.client.RunEvent;
import dev.cogent.client.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cogent chat}: an interactive conversation read line by line from stdin (a terminal or a
 * pipe), streaming each answer and asking approve / edit / reject at every interrupt.
 */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = {
      "Talk to an agent: each line you type is a message; the answer streams back with its tool"
          + " calls and results.",
      "When a tool needs approval, answer `a` (approve), `e` (edit: then the new arguments as one"
          + " JSON line) or `r` (reject: then an optional reason).",
      "`/exit` or the end of input quits. Works with piped input too."
    })
final class ChatCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;
  @ParentCommand Main main;
  @Mixin ClientOptions options;
  @Mixin SessionChoice choice;

  @Override
  public Integer call() {
    Output output = ClientCalls.output(spec);
    BufferedReader input =
        new BufferedReader(new InputStreamReader(main.in(), StandardCharsets.UTF_8));
    return ClientCalls.run(
        options,
        output,
        client -> {
          Session session = choice.resolve(client);
          output.line(
              Output.styled(
                  "@|faint session "
                      + session.id()
                      + " (agent "
                      + session.agentName()
                      + ") - /exit to quit|@"));
          RunPrinter printer = new RunPrinter(output, options.json);
          String line;
          while ((line = read(input, output, "> ")) != null) {
            if (line.isBlank()) {
              continue;
            }
            if (line.strip().equals("/exit")) {
              break;
            }
            RunEvent last =
                printer.print(client.sessions().send(session.id(), MessageRequest.of(line)));
            while (last instanceof RunEvent.Interrupt interrupt) {
              Decision decision = ask(input, output, interrupt);
              if (decision == null) {
                return ExitCodes.OK;
              }
              last = printer.print(resume(client, session, decision));
            }
          }
          return ExitCodes.OK;
        });
  }

  private static EventStream resume(CogentClient client, Session session, Decision decision) {
    return client.sessions().resume(session.id(), decision);
  }

  /** Asks until the answer is valid; null at the end of input. */
  private static Decision ask(BufferedReader input, Output output, RunEvent.Interrupt interrupt) {
    while (true) {
      String answer =
          read(input, output, "approve, edit or reject " + interrupt.toolName() + "? [a/e/r] ");
      if (answer == null) {
        return null;
      }
      switch (answer.strip().toLowerCase(Locale.ROOT)) {
        case "a", "approve" -> {
          return Decision.approve(interrupt);
        }
        case "e", "edit" -> {
          String args = read(input, output, "new arguments (JSON): ");
          if (args == null) {
            return null;
          }
          try {
            Map<String, Object> parsed = JSON.readValue(args, new TypeReference<>() {});
            return Decision.edit(interrupt, parsed);
          } catch (IOException e) {
            output.error("cogent: not a JSON object: " + e.getMessage());
          }
        }
        case "r", "reject" -> {
          String reason = read(input, output, "reason (optional): ");
          return Decision.reject(interrupt, reason == null || reason.isBlank() ? null : reason);
        }
        default -> output.error("cogent: answer a, e or r");
      }
    }
  }

  private static String read(BufferedReader input, Output output, String prompt) {
    output.text(Output.styled("@|bold " + prompt + "|@"));
    try {
      String line = input.readLine();
      if (line == null) {
        output.line("");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stdin", e);
    }
  }
}
