package dev.cogent.cli;

import dev.cogent.client.CreatedApiKey;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cogent keys create|list|revoke}: the caller's API keys. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke your API keys.",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create a key and print it: the only time it is shown (the server keeps a hash).")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "A name for the key.")
    String name;

    @Override
    public Integer call() {
      Output output = ClientCalls.output(spec);
      return ClientCalls.run(
          options,
          output,
          client -> {
            CreatedApiKey key = client.identity().createApiKey(name);
            if (options.json) {
              output.json(key);
            } else {
              output.line(key.key());
              output.error("key " + key.id() + " created; store it now, it is not shown again");
            }
            return ExitCodes.OK;
          });
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List your keys (never the keys themselves).")
  static final class ListKeys implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Override
    public Integer call() {
      return ResourceCommands.list(
          spec,
          options,
          client -> client.identity().listApiKeys(),
          "id",
          "name",
          "label",
          "kind",
          "created_at",
          "last_used_at");
    }
  }

  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke keys; they stop working at once.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "KEY_ID", arity = "1..*")
    List<String> ids;

    @Override
    public Integer call() {
      return ResourceCommands.delete(
          spec, options, ids, "revoked", (client, id) -> client.identity().revokeApiKey(id));
    }
  }
}
