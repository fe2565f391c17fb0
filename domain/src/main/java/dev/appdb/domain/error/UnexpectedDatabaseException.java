package dev.appdb.domain.error;

/**
 * The database reported an error appdb has no domain meaning for: a missing privilege, a schema
 * that was not migrated, a constraint the domain rules should have caught. A bug or a
 * misconfiguration, not a condition to retry. The message names the SQLState, never the driver's
 * text (which may hold row values).
 */
public final class UnexpectedDatabaseException extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, with the SQLState, without secrets
   * @param cause the underlying failure, may be null
   */
  public UnexpectedDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
