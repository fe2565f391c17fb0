package dev.appdb.domain.error;

/**
 * The connection was lost while the database was committing: the unit of work may have
 * committed or not, and nobody can tell from this side. Unlike every other failure of a unit of
 * work, this one does not mean "nothing was written".
 *
 * <p>Do not retry blindly: a retry of a unit that did commit writes its effects twice. Check
 * first whether the work is there (look the entity up by its id, which the caller made), or make
 * the unit idempotent and then retry. appdb's own opt-in retries never retry it. An HTTP API
 * should answer 503 or 500 and let the client check before it resubmits.
 */
public final class CommitOutcomeUnknownException extends InfrastructureException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and where, without secrets
   * @param cause the driver's failure, may be null
   */
  public CommitOutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
