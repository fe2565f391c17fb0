package dev.appdb.adapter.jooq.pool;

import java.time.Duration;

/**
 * Connection pool settings, named after the seed's SQLAlchemy engine options and applied to
 * HikariCP as README.md's configuration table says.
 *
 * @param poolSize connections kept open ({@code pool_size}; HikariCP {@code minimumIdle}); 1+
 * @param maxOverflow extra connections opened under load and retired after {@code idleTimeout}
 *     ({@code max_overflow}; HikariCP {@code maximumPoolSize = poolSize + maxOverflow}); 0+
 * @param poolTimeout how long a checkout waits for a free connection before failing with the
 *     pool-exhausted error ({@code pool_timeout}; HikariCP {@code connectionTimeout}); 250 ms+
 * @param recycle the longest a connection lives ({@code pool_recycle}; HikariCP
 *     {@code maxLifetime}); 30 s+
 * @param idleTimeout how long an overflow connection may sit idle before it is retired
 *     (HikariCP {@code idleTimeout}); 10 s+
 * @param statementTimeout how long one statement may run before it is cancelled (the seed's
 *     {@code statement_timeout}; JDBC {@code Statement.setQueryTimeout}, whole seconds); 1 s+
 */
public record PoolSettings(
    int poolSize,
    int maxOverflow,
    Duration poolTimeout,
    Duration recycle,
    Duration idleTimeout,
    Duration statementTimeout) {

  /** The seed's production defaults: 20 + 10 connections, 30 s checkout, 1800 s recycle. */
  public static final PoolSettings PRODUCTION = new PoolSettings(
      20, 10, Duration.ofSeconds(30), Duration.ofSeconds(1800), Duration.ofMinutes(10),
      Duration.ofSeconds(30));

  /** @throws IllegalArgumentException naming the setting and its limit */
  public PoolSettings {
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool.size must be at least 1, was " + poolSize);
    }
    if (maxOverflow < 0) {
      throw new IllegalArgumentException("pool.max-overflow must be at least 0, was " + maxOverflow);
    }
    atLeast("pool.timeout", poolTimeout, Duration.ofMillis(250));
    atLeast("pool.recycle", recycle, Duration.ofSeconds(30));
    atLeast("pool.idle-timeout", idleTimeout, Duration.ofSeconds(10));
    atLeast("pool.statement-timeout", statementTimeout, Duration.ofSeconds(1));
  }

  /** @return {@code poolSize + maxOverflow} */
  public int maximumSize() {
    return poolSize + maxOverflow;
  }

  private static void atLeast(String name, Duration value, Duration minimum) {
    if (value == null || value.compareTo(minimum) < 0) {
      throw new IllegalArgumentException(
          name + " must be at least " + minimum.toMillis() + " ms, was "
              + (value == null ? "missing" : value.toMillis() + " ms"));
    }
  }
}
