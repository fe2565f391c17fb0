/**
 * API for repositories: {@link dev.appdb.adapter.jooq.transaction.TransactionContext} (what a
 * repository of a unit of work runs its statements through),
 * {@link dev.appdb.adapter.jooq.transaction.RepositoryFactory} and
 * {@link dev.appdb.adapter.jooq.transaction.JdbcWork}. {@code JooqTransactions} and
 * {@code UnitOfWorkObserver} are internal; use the {@code Transactions} port.
 */
package dev.appdb.adapter.jooq.transaction;
