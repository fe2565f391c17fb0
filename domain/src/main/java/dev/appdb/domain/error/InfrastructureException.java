package dev.appdb.domain.error;

/**
 * The database could not do its part. The application is expected to handle these (retry later,
 * answer 503), unlike programming errors.
 */
public abstract sealed class InfrastructureException extends AppdbException
    permits DatabaseUnavailableException, PoolExhaustedException, QueryTimeoutException,
        UnexpectedDatabaseException, CommitOutcomeUnknownException, MissingPrivilegeException {

  private static final long serialVersionUID = 1L;

  InfrastructureException(String message, Throwable cause) {
    super(message, cause);
  }
}
