package dev.appdb.application.port;

import dev.appdb.domain.error.AppdbException;
import dev.appdb.domain.error.CommitOutcomeUnknownException;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.PoolExhaustedException;

/**
 * The unit-of-work port, the counterpart of the seed's {@code session_scope()}: checks a
 * connection out of the pool, begins a transaction, runs the work, commits when it returns, rolls
 * back when it throws, and always returns the connection. Thread-safe; each call is independent.
 *
 * <p>A unit reports success only for a commit that happened. Once any statement of a unit
 * fails, the unit cannot go on (every later use of its repositories throws
 * {@link IllegalStateException}) and ends rolled back, even if the work catches the error.
 *
 * <pre>{@code
 * User user = transactions.inTransaction(tx -> tx.users().create(newUser));
 * }</pre>
 */
public interface Transactions {

  /**
   * Runs {@code work} in a read-write transaction.
   *
   * @param work the work
   * @param <T> the result type
   * @return what {@code work} returned, after the commit succeeded
   * @throws AppdbException what {@code work} threw (after rollback), or a translated database
   *     failure; other runtime exceptions from {@code work} pass through unchanged after rollback
   * @throws IllegalStateException when a statement of the unit failed and {@code work} caught the
   *     error and returned anyway: the unit was rolled back, nothing was committed
   * @throws CommitOutcomeUnknownException when the connection was lost during the commit: the
   *     unit may have committed; check before retrying
   * @throws PoolExhaustedException when no connection was free within the checkout timeout
   * @throws DatabaseUnavailableException when the database cannot be reached
   */
  <T> T inTransaction(TransactionalWork<T> work);

  /**
   * Runs {@code work} in a read-only transaction: one consistent view, no writes (a repository's
   * write fails with {@link IllegalStateException}, a programming error). Same guarantees and
   * errors as {@link #inTransaction}.
   *
   * @param work the work
   * @param <T> the result type
   * @return what {@code work} returned
   */
  <T> T readOnly(TransactionalWork<T> work);
}
