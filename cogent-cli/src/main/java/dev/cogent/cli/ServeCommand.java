package dev.cogent.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.cogent.CogentServer;
import dev.cogent.settings.Settings;
import dev.cogent.settings.SettingsException;
import dev.cogent.settings.SettingsLoader;
import dev.cogent.settings.SettingsSources;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cogent serve}: loads the layered settings, starts the server, prints the URL it listens
 * on, and runs until SIGTERM or Ctrl-C, on which it stops cleanly.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the Cogent server (embedded SQLite in ./.cogent/ unless a database URL is given).",
      "Settings: defaults < ~/.cogent/config.yaml < .cogent/config.yaml < .env < COGENT_* < flags;"
          + " see docs/configuration.md."
    })
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--host",
      description = "Address to listen on (env COGENT_HOST; default 127.0.0.1).")
  String host;

  @Option(
      names = "--port",
      description =
          "Port to listen on; 0 picks a free port (env COGENT_PORT; default 8000, in agent mode"
              + " 8011).")
  String port;

  @Option(
      names = "--data-dir",
      description = "Data folder (env COGENT_DATA_DIR; default ./.cogent).")
  String dataDir;

  @Option(
      names = "--database-url",
      description =
          "JDBC URL; jdbc:postgresql://… switches to PostgreSQL (env COGENT_DATABASE_URL).")
  String databaseUrl;

  @Option(
      names = "--allow-unauthenticated",
      description =
          "Listen on a non-loopback --host although authentication is off (for a trusted gateway"
              + " in front; env COGENT_ALLOW_UNAUTHENTICATED). See docs/security.md.")
  boolean allowUnauthenticated;

  @Option(
      names = "--agent-mode",
      description =
          "Agent mode: stop (exit 0) once every agent that registered with POST"
              + " /api/v1/agents/register has unregistered; default port 8011 (env"
              + " COGENT_AGENT_MODE). See docs/security.md.")
  boolean agentMode;

  @Option(
      names = "--project-dir",
      description =
          "Folder whose .cogent/config.yaml is the project config (env COGENT_PROJECT_DIR;"
              + " default: the working directory).")
  String projectDir;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Settings settings;
    try {
      settings = new SettingsLoader().load(sources());
    } catch (SettingsException e) {
      err.println("cogent: configuration error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    applyLogLevel(settings.server().logLevel());
    CogentServer server;
    try {
      server = CogentServer.start(settings, InstantSource.system());
    } catch (SettingsException e) {
      // Settings that are valid alone but unsafe together, such as a public host without auth.
      err.println("cogent: configuration error: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(ServeCommand.class).error("Cogent failed to start", e);
      err.println("cogent: failed to start: " + e.getMessage());
      return ExitCodes.SERVER_ERROR;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "cogent-shutdown"));
    // Agent mode's stop request ends this command with 0; the exit then runs the shutdown hook,
    // so the server stops exactly as on SIGTERM.
    server.stopRequested().thenRun(stopped::countDown);
    out.println("Cogent listening on " + server.url());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private SettingsSources sources() {
    Map<String, String> flags = new LinkedHashMap<>();
    putIfSet(flags, "host", host);
    putIfSet(flags, "port", port);
    putIfSet(flags, "data-dir", dataDir);
    putIfSet(flags, "database-url", databaseUrl);
    putIfSet(flags, "project-dir", projectDir);
    if (allowUnauthenticated) {
      flags.put("allow-unauthenticated", "true");
    }
    if (agentMode) {
      flags.put("agent-mode", "true");
    }
    return new SettingsSources(
        Path.of(System.getProperty("user.home")),
        Path.of("").toAbsolutePath(),
        System.getenv(),
        flags);
  }

  private static void putIfSet(Map<String, String> flags, String name, String value) {
    if (value != null) {
      flags.put(name, value);
    }
  }

  private static void applyLogLevel(String level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger("dev.cogent").setLevel(Level.toLevel(level, Level.INFO));
    }
  }
}
