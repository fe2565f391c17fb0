package dev.appdb.domain.error;

/**
 * The database cannot be reached or refused the work (connection refused, file unreadable,
 * server shutting down). The message never contains a password or a full connection string.
 */
public final class DatabaseUnavailableException extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, without secrets
   * @param cause the underlying failure, may be null
   */
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
