package dev.cogent.runtime;

import dev.cogent.session.ToolCall;
import dev.cogent.tools.ToolContext;
import dev.cogent.tools.Workspaces;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives every tool the run's trusted context ({@link ToolContext}: session, run, scope, workspace,
 * cancellation), taken from the run and never from the model. A tool whose schema declares a {@code
 * session_id}, {@code run_id} or {@code scope} argument (an MCP tool that wants to know) gets the
 * run's value there, whatever the model wrote: a model cannot act in another session's or scope's
 * name.
 */
final class TrustedRuntimeContextMiddleware implements Middleware {

  private final Workspaces workspaces;

  TrustedRuntimeContextMiddleware(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  @Override
  public String name() {
    return "TrustedRuntimeContextMiddleware";
  }

  @Override
  public ToolOutcome aroundTool(ToolInvocation invocation, ToolHandler next) {
    AgentLoop.RunContext run = invocation.run();
    ToolCall call = invocation.toolCall();
    ToolContext context =
        new ToolContext(
            run.session().id(),
            run.runId(),
            call.id(),
            run.scope(),
            workspaces.forSession(run.session().id()),
            run.cancellation());
    ToolInvocation trusted = invocation.withContext(context);
    Map<String, Object> declared = declaredArguments(invocation);
    if (declared.isEmpty() || invocation.call().parseError() != null) {
      return next.handle(trusted);
    }
    Map<String, Object> args = new LinkedHashMap<>(call.args());
    inject(args, declared, "session_id", context.sessionId());
    inject(args, declared, "run_id", context.runId());
    inject(args, declared, "scope", context.scope().canonical());
    return next.handle(
        trusted.withCall(new ParsedCall(new ToolCall(call.id(), call.name(), args), null)));
  }

  private static void inject(
      Map<String, Object> args, Map<String, Object> declared, String name, Object value) {
    if (declared.get(name) instanceof Map<?, ?> property && "string".equals(property.get("type"))) {
      args.put(name, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> declaredArguments(ToolInvocation invocation) {
    var tool = invocation.profile().tools().get(invocation.name());
    if (tool == null || !(tool.parametersSchema().get("properties") instanceof Map<?, ?> map)) {
      return Map.of();
    }
    return (Map<String, Object>) map;
  }
}
