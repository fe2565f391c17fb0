package dev.appdb.adapter.jooq.kit;

/**
 * Makes a service's repository for one unit of work. Registered once per port when the database
 * is opened ({@code JooqDatabase.register}); called at most once per unit of work, the first
 * time the unit's work asks for the port, e.g. {@code JooqOrderRepository::new}.
 *
 * @param <R> the repository port the factory implements
 */
@FunctionalInterface
public interface RepositoryFactory<R> {

  /**
   * @param tx the unit of work the repository is bound to: its jOOQ context, its read-only flag
   *     and its error translation
   * @return the repository; it must run every statement through {@code tx}
   */
  R create(TransactionContext tx);
}
