package dev.vigil.server.config;

/** A configuration value is missing, malformed or contradictory; the message names it. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
