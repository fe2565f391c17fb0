package dev.appdb.domain.error;

/** A statement ran longer than the configured statement timeout and was cancelled. */
public final class QueryTimeoutException extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what timed out, without secrets
   * @param cause the driver's failure, may be null
   */
  public QueryTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
