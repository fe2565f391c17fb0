package dev.appdb.bootstrap.config;

/**
 * A setting is missing, malformed or out of range. The message names the setting (as YAML key
 * and environment variable) and the limit, and never contains a password.
 */
public final class ConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, naming the setting and the limit */
  public ConfigurationException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, naming the setting and the limit
   * @param cause the underlying failure
   */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
