/**
 * Models: provider configs on the scoped registry ({@link dev.cogent.llm.ProviderService}), which
 * model a session runs on ({@link dev.cogent.llm.ModelResolver}), the LangChain4j streaming models
 * of the provider types with retries ({@link dev.cogent.llm.ChatModels}), the provider test call,
 * and the scripted {@code mock} model that tests and the public API can drive without an LLM.
 * Imports nothing of HTTP or the runtime; reads the environment only from the map it is given.
 */
package dev.cogent.llm;
