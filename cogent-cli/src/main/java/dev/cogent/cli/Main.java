package dev.cogent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cogent} command. */
@Command(
    name = "cogent",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Cogent: a self-hosted agent platform server, its CLI and SDK.",
    subcommands = {
      ServeCommand.class,
      SessionsCommand.class,
      ConfigCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
