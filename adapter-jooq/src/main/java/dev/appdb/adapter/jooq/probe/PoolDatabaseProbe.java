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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Health and pool status of a {@link ConnectionPool}. Health checks a connection out and asks
 * the server {@code Connection.isValid} (a real round trip on both drivers), like the seed's
 * {@code health_check()} which ran {@code SELECT 1}, and answers within its timeout whatever the
 * database does: the check runs on a thread of the probe's own, and when it has not answered in
 * time the report says so. At most one check runs at a time; callers that arrive while one runs
 * wait for it, so a stalled database never piles up probe threads.
 */
public final class PoolDatabaseProbe implements DatabaseProbe, AutoCloseable {

  /** How long {@link #health()} takes at most when no timeout is given: 2 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private final ConnectionPool pool;
  private final Duration timeout;
  private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "appdb-health");
    thread.setDaemon(true);
    return thread;
  });
  private CompletableFuture<HealthReport> running;

  /**
   * @param pool the pool to probe, never null
   * @param timeout the longest {@link #health()} takes, 100 ms or more
   * @throws IllegalArgumentException when {@code timeout} is under 100 ms
   */
  public PoolDatabaseProbe(ConnectionPool pool, Duration timeout) {
    this.pool = Objects.requireNonNull(pool, "pool");
    if (timeout == null || timeout.toMillis() < 100) {
      throw new IllegalArgumentException("health timeout must be at least 100 ms, was "
          + (timeout == null ? "missing" : timeout.toMillis() + " ms"));
    }
    this.timeout = timeout;
  }

  /** {@inheritDoc} Takes at most the probe's timeout. */
  @Override
  public HealthReport health() {
    CompletableFuture<HealthReport> check;
    synchronized (this) {
      if (running == null || running.isDone()) {
        running = CompletableFuture.supplyAsync(this::check, checker);
      }
      check = running;
    }
    try {
      return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new HealthReport(false, null, null,
          "the database did not answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HealthReport(false, null, null, "interrupted while waiting for the database");
    } catch (ExecutionException e) {
      return new HealthReport(false, null, null, "health check failed: " + e.getCause());
    }
  }

  private HealthReport check() {
    long start = System.nanoTime();
    int validationSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    try (Connection connection = pool.checkout()) {
      if (!connection.isValid(validationSeconds)) {
        return new HealthReport(false, null, null,
            "connection did not answer within " + validationSeconds + " s");
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

  /** Stops the probe's thread; a check still running is abandoned. */
  @Override
  public void close() {
    checker.shutdownNow();
  }
}
