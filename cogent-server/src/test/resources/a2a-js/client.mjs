// Drives Cogent's A2A endpoint with @a2a-js/sdk's client, a client nobody at Cogent wrote.
// Usage: node client.mjs <node_modules dir> <agent base url, e.g. http://127.0.0.1:8000/a2a/js-agent>
// Prints one JSON line per step ({"step": ..., ...}) and exits non-zero on the first failure, so
// that the JUnit test (A2aJsSdkIT) can assert on what the SDK parsed.
import { createRequire } from "node:module";
import path from "node:path";

const [modules, agentUrl] = process.argv.slice(2);
const require = createRequire(path.join(modules, "noop.js"));
const sdk = require("@a2a-js/sdk");
const client = require("@a2a-js/sdk/client");

const compat = { legacyCompat: { enabled: true } };

function report(step, fields) {
  console.log(JSON.stringify({ step, ...fields }));
}

function text(message) {
  const part = message?.parts?.[0];
  if (part?.content?.$case === "text") return part.content.value;
  return part?.text;
}

function state(status) {
  const value = status?.state;
  return typeof value === "number" ? sdk.TaskState[value] : value;
}

function userMessage(words) {
  return {
    messageId: `m-${Math.random().toString(36).slice(2)}`,
    role: sdk.Role ? sdk.Role.ROLE_USER : "user",
    parts: [{ content: { $case: "text", value: words } }],
  };
}

/** The task of a send result, whatever envelope this SDK version puts around it. */
function taskOf(result) {
  if (result?.payload?.$case === "task") return result.payload.value;
  if (result?.$case === "task") return result.value;
  if (result?.task) return result.task;
  return result;
}

/** One stream event as {kind, state, text, final}. */
function eventOf(event) {
  const payload = event?.payload ?? event;
  const kind = payload?.$case ?? payload?.kind;
  const value = payload?.value ?? payload;
  if (kind === "task") return { kind, state: state(value.status), text: text(value.status?.message) };
  if (kind === "statusUpdate" || kind === "status-update") {
    return { kind: "status-update", state: state(value.status), text: text(value.status?.message), final: value.final };
  }
  return { kind: String(kind) };
}

const resolver = new client.DefaultAgentCardResolver(compat);
const card = await resolver.resolve(`${agentUrl}/`, ".well-known/agent-card.json");
report("card", { name: card.name, description: card.description, streaming: card.capabilities?.streaming });

const factory = new client.ClientFactory(
  client.ClientFactoryOptions.createFrom(client.ClientFactoryOptions.default, {
    transports: [new client.JsonRpcTransportFactory(compat)],
    cardResolver: resolver,
  }),
);
const a2a = await factory.createFromAgentCard(card);

const sent = taskOf(await a2a.sendMessage({ message: userMessage("hello from js") }));
report("sendMessage", { id: sent.id, contextId: sent.contextId, state: state(sent.status), text: text(sent.status?.message) });

const got = await a2a.getTask({ id: sent.id });
report("getTask", { id: got.id, state: state(got.status), text: text(got.status?.message) });

const events = [];
for await (const event of a2a.sendMessageStream({ message: userMessage("/reply streamed from js") })) {
  events.push(eventOf(event));
}
report("sendMessageStream", { events });
