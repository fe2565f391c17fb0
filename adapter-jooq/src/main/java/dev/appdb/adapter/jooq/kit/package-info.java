/**
 * API for writing a service's repositories: {@link dev.appdb.adapter.jooq.kit.RepositoryFactory}
 * (registered with {@code JooqDatabase.register}),
 * {@link dev.appdb.adapter.jooq.kit.TransactionContext} (what a repository runs its statements
 * through), and for tables of the entity kit's shape {@link dev.appdb.adapter.jooq.kit.EntityTable}
 * and {@link dev.appdb.adapter.jooq.kit.JooqEntityRepository}.
 * {@link dev.appdb.adapter.jooq.kit.InstantBinding} is the forced type of {@code timestamptz}
 * columns in every generated class, appdb's and a service's.
 *
 * <p>Nulls: no parameter or return value is null unless its Javadoc says so.
 */
package dev.appdb.adapter.jooq.kit;
