package dev.cogent.cli;

import dev.cogent.client.CogentClient;
import dev.cogent.client.Session;
import dev.cogent.client.SessionConfig;
import dev.cogent.client.SessionRequest;
import picocli.CommandLine.Option;

/** Which session a conversation command talks to: an existing one, or a new one to create. */
final class SessionChoice {

  @Option(names = "--session", paramLabel = "ID", description = "Continue this session.")
  String session;

  @Option(
      names = "--agent",
      paramLabel = "NAME",
      description = "The agent of a new session (default: default).")
  String agent;

  @Option(
      names = "--provider",
      description = "Provider type of a new session (with --model), e.g. openai, mock.")
  String provider;

  @Option(names = "--model", description = "Model of a new session (with --provider).")
  String model;

  @Option(names = "--title", description = "Title of a new session.")
  String title;

  /** The session to use; creates one unless {@code --session} was given. */
  Session resolve(CogentClient client) {
    if (session != null) {
      return client.sessions().get(session);
    }
    if ((provider == null) != (model == null)) {
      throw new ClientCalls.UsageException("--provider and --model go together");
    }
    SessionRequest.Builder request = SessionRequest.builder().agentName(agent).title(title);
    if (provider != null) {
      request.config(SessionConfig.model(provider, model));
    }
    return client.sessions().create(request.build());
  }
}
