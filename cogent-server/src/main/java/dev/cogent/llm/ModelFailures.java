package dev.cogent.llm;

import dev.cogent.ErrorCode;
import dev.cogent.session.RunError;

/**
 * The one translation of a failed model call (LangChain4j's exceptions, a provider's error) into
 * the {@code error} event a run ends with.
 */
public final class ModelFailures {

  private ModelFailures() {}

  public static RunError toRunError(Throwable failure) {
    String message =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return new RunError(ErrorCode.LLM_UNAVAILABLE, "Model call failed: " + message);
  }
}
