/**
 * API: {@link dev.appdb.adapter.jooq.pool.PoolSettings}. {@code ConnectionPool},
 * {@code ConnectionCheckout} and {@code PreparingDataSource} are internal to appdb's adapters
 * (adapter-sqlite builds its pool with them); not API.
 */
package dev.appdb.adapter.jooq.pool;
