/**
 * API: what a service uses. {@link dev.appdb.adapter.jooq.Databases} opens a
 * {@link dev.appdb.adapter.jooq.JooqDatabase} from a {@code DATABASE_URL}
 * ({@link dev.appdb.adapter.jooq.DatabaseUrls}), a {@link dev.appdb.adapter.jooq.DatabaseSettings}
 * or an existing {@code DataSource}; its settings ({@link dev.appdb.adapter.jooq.PoolSettings},
 * {@link dev.appdb.adapter.jooq.PostgresConnectionSettings}), metrics
 * ({@link dev.appdb.adapter.jooq.MicrometerMetrics}) and retries
 * ({@link dev.appdb.adapter.jooq.RetryingTransactions}).
 *
 * <p>Nulls: no parameter or return value is null unless its Javadoc says so. Errors: bad
 * settings throw {@link java.lang.IllegalArgumentException} naming the setting and its limit;
 * database failures are the domain's {@code AppdbException}s.
 *
 * <p>Sub-packages: {@code kit} (writing a service's repositories), {@code spi} (what an adapter
 * implements). Everything under {@code internal} is not API and may change in any release.
 */
package dev.appdb.adapter.jooq;
