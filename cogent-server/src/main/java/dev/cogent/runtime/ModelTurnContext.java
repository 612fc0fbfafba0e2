package dev.cogent.runtime;

/** One model turn of a run, as the middleware sees it: the run, its agent and its token tally. */
record ModelTurnContext(AgentLoop.RunContext run, AgentProfile profile, RunUsage usage) {}
