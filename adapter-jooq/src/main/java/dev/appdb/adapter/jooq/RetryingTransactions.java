package dev.appdb.adapter.jooq;

import dev.appdb.application.port.RetryPolicy;
import dev.appdb.application.port.TransactionalWork;
import dev.appdb.application.port.Transactions;
import dev.appdb.domain.error.CommitOutcomeUnknownException;
import dev.appdb.domain.error.ConcurrentUpdateException;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work again when the database aborted them for a reason that a new run can
 * overcome, with bounded attempts, exponential backoff and jitter ({@link RetryPolicy}), through
 * Failsafe. Opt in by wrapping the port, for units that are <b>idempotent</b>: the whole lambda
 * runs again, so it must re-read what it decides on and must not have effects outside the
 * database (a sent email is sent twice).
 *
 * <pre>{@code
 * Transactions retrying = new RetryingTransactions(database.transactions(), RetryPolicy.DEFAULT);
 * }</pre>
 *
 * <p>Retried: {@link ConcurrentUpdateException} with {@link
 * ConcurrentUpdateException#transactionConflict()} (PostgreSQL's {@code 40001} serialization
 * failure and {@code 40P01} deadlock), and a {@link DatabaseUnavailableException#retryable()
 * retryable} {@link DatabaseUnavailableException} (the connection was lost or refused before the
 * commit was sent: nothing was committed). Never retried: {@link CommitOutcomeUnknownException}
 * (the unit may have committed; retrying could do the work twice), a refused login or a missing
 * database (a new attempt meets the same refusal), a stale version (the same input meets it
 * again), a pool that stayed exhausted for its
 * whole checkout timeout, validation and constraint errors, programming errors. The last
 * failure is thrown unchanged when the attempts are used up. Thread-safe.
 *
 * <p>Needs {@code dev.failsafe:failsafe} on the class path (an optional dependency of appdb).
 */
public final class RetryingTransactions implements Transactions {

  private static final Logger LOG = LoggerFactory.getLogger(RetryingTransactions.class);

  private final Transactions delegate;
  private final FailsafeExecutor<Object> executor;

  /**
   * @param delegate the port whose units to retry, e.g. {@code database.transactions()}; never
   *     null
   * @param policy attempts and backoff
   */
  public RetryingTransactions(Transactions delegate, RetryPolicy policy) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(policy, "policy");
    this.executor = Failsafe.with(dev.failsafe.RetryPolicy.builder()
        .handleIf(RetryingTransactions::retryable)
        .withMaxAttempts(policy.maxAttempts())
        .withBackoff(policy.firstDelay().toMillis(), policy.maxDelay().toMillis(),
            ChronoUnit.MILLIS)
        .withJitter(0.25)
        .onRetry(event -> LOG.atInfo().setMessage("retrying a unit of work")
            .addKeyValue("attempt", event.getAttemptCount() + 1)
            .addKeyValue("error", event.getLastException().getClass().getSimpleName())
            .log())
        .build());
  }

  /**
   * @param failure what a unit of work threw
   * @return whether running the unit again may succeed and cannot do its work twice
   */
  public static boolean retryable(Throwable failure) {
    if (failure instanceof CommitOutcomeUnknownException) {
      return false;
    }
    return failure instanceof ConcurrentUpdateException conflict && conflict.transactionConflict()
        || failure instanceof DatabaseUnavailableException unavailable
            && unavailable.retryable();
  }

  /**
   * {@inheritDoc} Run again on a retryable failure, up to the policy's attempts.
   */
  @Override
  public <T> T inTransaction(TransactionalWork<T> work) {
    Objects.requireNonNull(work, "work");
    return executor.get(() -> delegate.inTransaction(work));
  }

  /**
   * {@inheritDoc} Run again on a retryable failure, up to the policy's attempts.
   */
  @Override
  public <T> T readOnly(TransactionalWork<T> work) {
    Objects.requireNonNull(work, "work");
    return executor.get(() -> delegate.readOnly(work));
  }
}
