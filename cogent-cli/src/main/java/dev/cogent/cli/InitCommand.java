package dev.cogent.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cogent init}: writes a profile of the CLI config file. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Write a profile (server URL and API key) to the CLI config file,"
          + " ~/.config/cogent/config.yaml by default, created with mode 0600.",
      "Later commands use it unless --url/--api-key or COGENT_URL/COGENT_API_KEY override it."
          + " The key is never printed."
    })
final class InitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand Main main;

  @Option(names = "--url", required = true, description = "The server URL.")
  String url;

  @Option(
      names = "--api-key-stdin",
      description =
          "Read the API key from the first line of stdin (keeps it out of ps and history).")
  boolean apiKeyFromStdin;

  @Option(
      names = "--profile",
      defaultValue = Profiles.DEFAULT,
      description = "The profile to write (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The CLI config file (env COGENT_CONFIG; default ~/.config/cogent/config.yaml).")
  String config;

  @Override
  public Integer call() {
    Output output = ClientCalls.output(spec);
    if (!url.matches("(?i)https?://.+")) {
      output.error("cogent: --url must be an http(s) URL");
      return ExitCodes.USAGE;
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("url", url);
    if (apiKeyFromStdin) {
      String key = firstLine();
      if (key == null || key.isBlank()) {
        output.error("cogent: no API key on stdin");
        return ExitCodes.USAGE;
      }
      values.put("api_key", key.strip());
      values.put("token", null);
    }
    Profiles profiles = Profiles.locate(config, System.getenv());
    profiles.put(profile, values);
    output.line(
        "profile "
            + profile
            + " written to "
            + profiles.file()
            + (apiKeyFromStdin ? " (with an API key)" : ""));
    return ExitCodes.OK;
  }

  private String firstLine() {
    try {
      return new BufferedReader(new InputStreamReader(main.in(), StandardCharsets.UTF_8))
          .readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stdin", e);
    }
  }
}
