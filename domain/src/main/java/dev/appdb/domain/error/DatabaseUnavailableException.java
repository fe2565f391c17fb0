package dev.appdb.domain.error;

/**
 * The database cannot be reached or refused the work (connection refused, file unreadable,
 * server shutting down, login refused). The message never contains a password or a full
 * connection string. {@link #retryable()} tells a passing outage from a refusal that a new
 * attempt meets again.
 */
public final class DatabaseUnavailableException extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  /** Whether a new attempt may succeed without anyone changing anything. */
  private final boolean retryable;

  /**
   * A passing outage: {@link #retryable()} is true.
   *
   * @param message what failed, without secrets
   * @param cause the underlying failure, may be null
   */
  public DatabaseUnavailableException(String message, Throwable cause) {
    this(message, cause, true);
  }

  /**
   * @param message what failed, without secrets
   * @param cause the underlying failure, may be null
   * @param retryable false when a new attempt meets the same refusal until the configuration
   *     changes (see {@link #retryable()})
   */
  public DatabaseUnavailableException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * @return true for an outage a new attempt may outlast (connection lost or refused, server
   *     restarting, too many clients); false when the database refused in a way that lasts
   *     until an operator acts: a wrong password, no {@code pg_hba.conf} entry, a role that may
   *     not log in, a missing database, TLS required but not offered, a read-only, unopenable
   *     or corrupt SQLite file. An HTTP API maps both to 503; only the first is worth a retry
   */
  public boolean retryable() {
    return retryable;
  }
}
