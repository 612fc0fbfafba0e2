package dev.cogent.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent completion bash|zsh}: prints a shell completion script. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a completion script: `source <(cogent completion bash)` in ~/.bashrc, or"
          + " `source <(cogent completion zsh)` in ~/.zshrc."
    })
final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  String shell;

  @Override
  public Integer call() {
    Output output = ClientCalls.output(spec);
    CommandLine root = spec.root().commandLine();
    String script = AutoComplete.bash("cogent", root);
    switch (shell) {
      case "bash" -> output.text(script);
      case "zsh" ->
          // picocli's script runs in zsh through its bash-completion emulation.
          output.text(
              "autoload -U +X compinit && compinit\n"
                  + "autoload -U +X bashcompinit && bashcompinit\n"
                  + script);
      default -> {
        output.error("cogent: unknown shell " + shell + "; use bash or zsh");
        return ExitCodes.USAGE;
      }
    }
    return ExitCodes.OK;
  }
}
