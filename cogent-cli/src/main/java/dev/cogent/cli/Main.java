package dev.cogent.cli;

import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cogent} command. */
@Command(
    name = "cogent",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Cogent: a self-hosted agent platform server, its CLI and SDK.",
      "Client commands find the server by --url, env COGENT_URL or the profile `cogent init`"
          + " wrote. Exit codes: 0 success, 1 the server refused, 2 usage error, 3 server"
          + " unreachable."
    },
    subcommands = {
      ServeCommand.class,
      InitCommand.class,
      LoginCommand.class,
      KeysCommand.class,
      ChatCommand.class,
      SendCommand.class,
      SessionsCommand.class,
      AgentsCommand.class,
      SkillsCommand.class,
      ToolsCommand.class,
      ProvidersCommand.class,
      McpCommand.class,
      ArtifactsCommand.class,
      RememberCommand.class,
      RecallCommand.class,
      ImproveCommand.class,
      ForgetCommand.class,
      DatasetsCommand.class,
      PullCommand.class,
      DiffCommand.class,
      PushCommand.class,
      SnapshotCommand.class,
      ConfigCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final InputStream in;

  public Main() {
    this(System.in);
  }

  /** A CLI that reads interactive input (chat, passwords, `-` messages) from {@code in}. */
  public Main(InputStream in) {
    this.in = in;
  }

  InputStream in() {
    return in;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
