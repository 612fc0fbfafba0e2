/**
 * Models: which model a session runs on ({@link dev.cogent.llm.ModelResolver}), the LangChain4j
 * {@code StreamingChatModel} for it, and the scripted {@code mock} model that tests and the public
 * API can drive without an LLM. Provider configs and the model catalog come with issue #4. Imports
 * nothing of HTTP or the runtime.
 */
package dev.cogent.llm;
