package dev.vigil.server.history;

/** The history store could not be opened, read or written; the message says what and where. */
public final class HistoryException extends RuntimeException {
  public HistoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
