package dev.cogent.cli;

import dev.cogent.client.MessageRequest;
import dev.cogent.client.RunEvent;
import dev.cogent.client.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cogent send}: one message, its run streamed, no questions asked. */
@Command(
    name = "send",
    mixinStandardHelpOptions = true,
    description = {
      "Send one message and stream the agent's answer (non-interactive).",
      "Creates a session unless --session is given; its id goes to stderr. With --json every event"
          + " is printed as one JSON line {\"id\", \"event\", \"data\"}.",
      "Exit code 1 when the run fails; a run that stops at an approval exits 0 (answer it with"
          + " `cogent chat --session ID`)."
    })
final class SendCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand Main main;
  @Mixin ClientOptions options;
  @Mixin SessionChoice choice;

  @Parameters(
      paramLabel = "MESSAGE",
      arity = "1..*",
      description = "The message; words are joined with spaces; `-` reads it from stdin.")
  List<String> words;

  @Override
  public Integer call() {
    Output output = ClientCalls.output(spec);
    String content = message();
    return ClientCalls.run(
        options,
        output,
        client -> {
          Session session = choice.resolve(client);
          output.error("session " + session.id());
          RunEvent last =
              new RunPrinter(output, options.json)
                  .print(client.sessions().send(session.id(), MessageRequest.of(content)));
          return last instanceof RunEvent.Error ? ExitCodes.SERVER_ERROR : ExitCodes.OK;
        });
  }

  private String message() {
    if (words.size() == 1 && words.get(0).equals("-")) {
      try {
        return new String(main.in().readAllBytes(), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the message from stdin", e);
      }
    }
    return String.join(" ", words);
  }
}
