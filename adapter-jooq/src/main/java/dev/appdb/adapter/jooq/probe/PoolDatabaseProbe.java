package dev.appdb.adapter.jooq.probe;

import dev.appdb.adapter.jooq.pool.ConnectionPool;
import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.health.HealthReport;
import dev.appdb.domain.error.AppdbException;
import dev.appdb.domain.error.PoolStatus;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * Health and pool status of a {@link ConnectionPool}. Health checks a connection out and asks
 * the server {@code Connection.isValid} (a real round trip on both drivers), like the seed's
 * {@code health_check()} which ran {@code SELECT 1}.
 */
public final class PoolDatabaseProbe implements DatabaseProbe {

  private static final int VALIDATION_TIMEOUT_SECONDS = 5;

  private final ConnectionPool pool;

  /** @param pool the pool to probe, never null */
  public PoolDatabaseProbe(ConnectionPool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  @Override
  public HealthReport health() {
    long start = System.nanoTime();
    try (Connection connection = pool.checkout()) {
      if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
        return new HealthReport(false, null, null,
            "connection did not answer within " + VALIDATION_TIMEOUT_SECONDS + " s");
      }
      Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);
      DatabaseMetaData meta = connection.getMetaData();
      return new HealthReport(true, roundTrip,
          meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(), null);
    } catch (AppdbException e) {
      return new HealthReport(false, null, null, e.getMessage());
    } catch (SQLException e) {
      return new HealthReport(false, null, null, "SQLState " + e.getSQLState());
    }
  }

  @Override
  public PoolStatus poolStatus() {
    return pool.status();
  }
}
