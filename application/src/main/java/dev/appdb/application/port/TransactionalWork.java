package dev.appdb.application.port;

/**
 * Work to run inside one transaction, given its {@link UnitOfWork}.
 *
 * @param <T> what the work returns; may be {@link Void}
 */
@FunctionalInterface
public interface TransactionalWork<T> {

  /**
   * @param unitOfWork the transaction's repositories
   * @return the result handed back by {@link Transactions}, may be null
   */
  T run(UnitOfWork unitOfWork);
}
