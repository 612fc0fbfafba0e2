package dev.cogent.cli;

import dev.cogent.client.AccessToken;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cogent login}: exchanges an email and password for an access token kept in a profile. */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log in with an email and password; the access token is saved in the profile (mode 0600)"
          + " and used by later commands until it expires. The password is asked on the"
          + " terminal, or read from the first line of stdin."
    })
final class LoginCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand Main main;
  @Mixin ClientOptions options;

  @Option(names = "--email", required = true, description = "The user's email.")
  String email;

  @Override
  public Integer call() {
    Output output = ClientCalls.output(spec);
    String password = password();
    if (password == null || password.isEmpty()) {
      output.error("cogent: no password given");
      return ExitCodes.USAGE;
    }
    return ClientCalls.run(
        options,
        output,
        client -> {
          AccessToken token = client.identity().login(email, password);
          Map<String, String> values = new LinkedHashMap<>();
          values.put("token", token.accessToken());
          values.put("api_key", null);
          if (options.url != null) {
            values.put("url", options.url);
          }
          String profile = options.profileName(System.getenv());
          Profiles profiles = options.profiles(System.getenv());
          profiles.put(profile, values);
          output.line(
              "logged in as "
                  + email
                  + "; token saved to profile "
                  + profile
                  + (token.expiresAt() == null ? "" : " (valid until " + token.expiresAt() + ")"));
          return ExitCodes.OK;
        });
  }

  private String password() {
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("password: ");
      return typed == null ? null : new String(typed);
    }
    try {
      return new BufferedReader(new InputStreamReader(main.in(), StandardCharsets.UTF_8))
          .readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stdin", e);
    }
  }
}
