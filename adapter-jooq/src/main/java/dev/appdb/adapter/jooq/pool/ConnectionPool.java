package dev.appdb.adapter.jooq.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.appdb.domain.error.DatabaseUnavailableException;
import dev.appdb.domain.error.PoolExhaustedException;
import dev.appdb.domain.error.PoolStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * A HikariCP pool configured from {@link PoolSettings}: auto-commit on while idle (a unit of work
 * begins its own transaction; the pool resets what it changed on return), validation on checkout ({@code Connection.isValid}, HikariCP's rule for connections idle over
 * 500 ms; the seed's {@code pool_pre_ping}), fail-fast start. Checkout failures become domain
 * errors; the pool status mirrors the seed's {@code get_pool_status()}.
 */
public final class ConnectionPool implements ConnectionCheckout, AutoCloseable {

  private final HikariDataSource dataSource;
  private final PoolSettings settings;
  private final String target;

  /**
   * Opens the pool and its first connection.
   *
   * @param target where the pool connects, for messages and logs; must not hold a password
   *     (e.g. {@code postgresql://db:5432/appdb})
   * @param jdbcUrl the JDBC URL without credentials, never null
   * @param driverProperties driver settings applied to every connection (credentials included,
   *     never logged), never null
   * @param settings the pool's sizes and timeouts, never null
   * @throws DatabaseUnavailableException when the first connection cannot be opened
   */
  public ConnectionPool(String target, String jdbcUrl, Properties driverProperties,
      PoolSettings settings) {
    this.target = Objects.requireNonNull(target, "target");
    this.settings = Objects.requireNonNull(settings, "settings");
    HikariConfig config = new HikariConfig();
    config.setPoolName("appdb");
    config.setJdbcUrl(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
    config.setDataSourceProperties(driverProperties);
    // Auto-commit stays on between units of work: the pool's own validation queries then never
    // leave a transaction (and, on SQLite, a write lock) open on an idle connection.
    config.setAutoCommit(true);
    config.setMinimumIdle(settings.poolSize());
    config.setMaximumPoolSize(settings.maximumSize());
    config.setConnectionTimeout(settings.poolTimeout().toMillis());
    config.setMaxLifetime(settings.recycle().toMillis());
    config.setIdleTimeout(settings.idleTimeout().toMillis());
    config.setInitializationFailTimeout(1);
    try {
      this.dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseUnavailableException(
          "cannot open a connection to " + target + ": " + describe(e), e);
    }
  }

  @Override
  public Connection checkout() {
    try {
      return dataSource.getConnection();
    } catch (SQLTransientConnectionException timeout) {
      if (timeout.getCause() != null) {
        throw new DatabaseUnavailableException(
            "cannot open a connection to " + target + ": " + describe(timeout.getCause()), timeout);
      }
      throw new PoolExhaustedException(settings.poolTimeout().toMillis(), status(), timeout);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "cannot open a connection to " + target + ": " + describe(e), e);
    }
  }

  @Override
  public void evict(Connection connection) {
    dataSource.evictConnection(connection);
  }

  /** @return a snapshot of the pool; zeros while the pool is starting */
  public PoolStatus status() {
    HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
    if (pool == null) {
      return new PoolStatus(0, 0, 0, 0, 0, settings.maximumSize());
    }
    int total = pool.getTotalConnections();
    return new PoolStatus(total, pool.getIdleConnections(), pool.getActiveConnections(),
        Math.max(0, total - settings.poolSize()), pool.getThreadsAwaitingConnection(),
        settings.maximumSize());
  }

  /** @return the pool as a plain data source, for migrations; never null */
  public DataSource dataSource() {
    return dataSource;
  }

  /** @return where the pool connects, without secrets */
  public String target() {
    return target;
  }

  /** Closes every connection; later checkouts fail. */
  @Override
  public void close() {
    dataSource.close();
  }

  /** The root cause's type and message; drivers do not put passwords in their messages. */
  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
