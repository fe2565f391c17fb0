/**
 * Service-provider interface: what an adapter for another database implements
 * ({@link dev.appdb.adapter.jooq.spi.DatabaseDialect}, found through
 * {@link dev.appdb.adapter.jooq.spi.DatabaseProvider} by {@code ServiceLoader}) and the pool it
 * builds on ({@link dev.appdb.adapter.jooq.spi.ConnectionPool}). adapter-sqlite is one. A service
 * does not need this package.
 *
 * <p>Nulls: no parameter or return value is null unless its Javadoc says so.
 */
package dev.appdb.adapter.jooq.spi;
