package dev.appdb.application.port;

import dev.appdb.domain.identity.UserIdentityRepository;
import dev.appdb.domain.user.UserRepository;

/**
 * The repositories of one open transaction: appdb's own and a service's, all reading and writing
 * inside that one transaction, so a user and the service's rows for it commit or roll back
 * together. None of them may be used after the transaction ended (the adapter then fails the
 * call). Nothing is kept in thread-locals.
 *
 * <pre>{@code
 * transactions.inTransaction(tx -> {
 *   User user = tx.users().create(newUser);
 *   return tx.repository(OrderRepository.class).create(Order.first(user.id(), now));
 * });
 * }</pre>
 */
public interface UnitOfWork {

  /** @return the users' store bound to this transaction */
  UserRepository users();

  /** @return the identity links' store bound to this transaction */
  UserIdentityRepository identities();

  /**
   * A repository registered with the adapter when the database was opened, bound to this
   * transaction; made on first use and the same instance for the rest of the unit.
   * {@code UserRepository.class} and {@code UserIdentityRepository.class} give
   * {@link #users()} and {@link #identities()}.
   *
   * @param port the repository's interface
   * @param <R> the port type
   * @return the repository
   * @throws IllegalArgumentException when no repository is registered for {@code port}, naming
   *     it and the registered ones
   * @throws IllegalStateException when the unit of work has ended
   */
  <R> R repository(Class<R> port);
}
