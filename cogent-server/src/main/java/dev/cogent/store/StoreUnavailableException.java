package dev.cogent.store;

import dev.cogent.ApiException;
import dev.cogent.ErrorCode;

/** The database could not serve a request in time; the client may retry. */
public final class StoreUnavailableException extends ApiException {

  public StoreUnavailableException(String message) {
    super(ErrorCode.SERVICE_UNAVAILABLE, "Storage is busy, retry shortly: " + message);
  }
}
