package dev.appdb.adapter.jooq.internal.transaction;

import dev.appdb.adapter.jooq.spi.ConnectionPool;
import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.health.HealthReport.SchemaStatus;
import dev.appdb.application.health.HealthReport;
import dev.appdb.domain.error.AppdbException;
import dev.appdb.domain.error.PoolStatus;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Health and pool status of a {@link ConnectionPool}. Health checks a connection out and asks
 * the server {@code Connection.isValid} (a real round trip on both drivers), like the seed's
 * {@code health_check()} which ran {@code SELECT 1}, and answers within its timeout whatever the
 * database does: the check runs on a thread of the probe's own (for a local file, on the
 * caller's thread with a checkout bounded by the timeout), and when it has not answered in time
 * the report says so. At most one check runs at a time; callers that arrive while one runs
 * wait for it, so a stalled database never piles up probe threads.
 */
public final class PoolDatabaseProbe implements DatabaseProbe, AutoCloseable {

  /** How long a schema found up to date is trusted before it is read again: 30 s. */
  static final Duration SCHEMA_CACHE = Duration.ofSeconds(30);

  private final ConnectionPool pool;
  private final Duration timeout;
  private final Supplier<List<SchemaStatus>> schema;
  private final boolean localFile;
  /** One thread per kind of check, so that a stalled schema read never delays health. */
  private final ExecutorService checker = daemon("appdb-health");
  private final ExecutorService readinessChecker = daemon("appdb-readiness");
  private CompletableFuture<HealthReport> runningHealth;
  private CompletableFuture<HealthReport> runningReadiness;
  /** What the last failed check said, for a report that ends at the bound; null when none. */
  private volatile String lastFailure;
  private volatile List<SchemaStatus> upToDate;
  private volatile long upToDateUntil;
  private volatile boolean closed;

  /**
   * @param pool the pool to probe
   * @param timeout the longest {@link #health()} and {@link #readiness()} take, 100 ms or more
   * @param schema reads where every migration set stands (may throw when it cannot)
   * @throws IllegalArgumentException when {@code timeout} is under 100 ms
   */
  public PoolDatabaseProbe(ConnectionPool pool, Duration timeout,
      Supplier<List<SchemaStatus>> schema) {
    this(pool, timeout, schema, false);
  }

  /**
   * @param pool the pool to probe
   * @param timeout the longest {@link #health()} and {@link #readiness()} take, 100 ms or more
   * @param schema reads where every migration set stands (may throw when it cannot)
   * @param localFile whether the database is a file on this machine (SQLite), whose checks
   *     cannot stall on a network and so run on the caller's thread when the pool can bound the
   *     checkout
   * @throws IllegalArgumentException when {@code timeout} is under 100 ms
   */
  public PoolDatabaseProbe(ConnectionPool pool, Duration timeout,
      Supplier<List<SchemaStatus>> schema, boolean localFile) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.localFile = localFile && pool.hikari() != null;
    this.schema = Objects.requireNonNull(schema, "schema");
    if (timeout == null || timeout.toMillis() < 100) {
      throw new IllegalArgumentException("health timeout must be at least 100 ms, was "
          + (timeout == null ? "missing" : timeout.toMillis() + " ms"));
    }
    this.timeout = timeout;
  }

  /**
   * {@inheritDoc} Over a network, takes at most the probe's timeout; a report cut off there names
   * the last failure the probe or the pool saw (TLS refused, login refused, a timeout). On a local
   * file, the wait for a connection is bounded by the timeout and the JVM's own work is not.
   */
  @Override
  public HealthReport health() {
    if (localFile) {
      return healthOnThisThread();
    }
    CompletableFuture<HealthReport> check;
    synchronized (this) {
      if (runningHealth == null || runningHealth.isDone()) {
        runningHealth = CompletableFuture.supplyAsync(this::check, checker);
      }
      check = runningHealth;
    }
    return await(check);
  }

  /**
   * {@inheritDoc} Bounded as {@link #health()}. A schema found up to date is trusted for
   * {@link #SCHEMA_CACHE} (it changes only when migrations run); one behind is read every time.
   */
  @Override
  public HealthReport readiness() {
    if (localFile) {
      return readinessHere();
    }
    CompletableFuture<HealthReport> check;
    synchronized (this) {
      if (runningReadiness == null || runningReadiness.isDone()) {
        runningReadiness = CompletableFuture.supplyAsync(this::checkReadiness, readinessChecker);
      }
      check = runningReadiness;
    }
    return await(check);
  }

  /** {@inheritDoc} False once {@link #close()} ran. */
  @Override
  public boolean alive() {
    return !closed;
  }

  private static ExecutorService daemon(String name) {
    return Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * A database file on this machine cannot stall on a network, so the check runs on the
   * caller's thread (no hand-off, which cost most of the check's rate; see
   * {@code docs/PERFORMANCE.md}), its checkout
   * bounded by the probe's timeout; concurrent callers still share one check.
   */
  private HealthReport healthOnThisThread() {
    CompletableFuture<HealthReport> mine = new CompletableFuture<>();
    CompletableFuture<HealthReport> running;
    synchronized (this) {
      running = runningHealth;
      if (running == null || running.isDone()) {
        runningHealth = mine;
        running = null;
      }
    }
    if (running != null) {
      return await(running);
    }
    HealthReport report;
    try {
      report = check(timeout);
    } catch (RuntimeException e) {
      report = new HealthReport(false, null, null, "health check failed: " + e);
    }
    mine.complete(report);
    return report;
  }

  /**
   * Readiness of a database file on this machine, on the caller's thread: the wait for a
   * connection is bounded by the probe's timeout (and SQLite's for its lock by the busy timeout);
   * the JVM's own work (the schema read's first class loading, a busy CPU) is not cut off, since
   * a local file has no network to stall on.
   */
  private HealthReport readinessHere() {
    HealthReport health = healthOnThisThread();
    return health.up() ? schemaState(health) : health;
  }

  /**
   * {@inheritDoc} The checkout waits at most the probe's timeout where the pool can bound a
   * single checkout, else the pool's own checkout timeout.
   */
  @Override
  public HealthReport readinessOnThisThread() {
    HealthReport health;
    try {
      health = check(timeout);
    } catch (RuntimeException e) {
      health = new HealthReport(false, null, null, "health check failed: " + e);
    }
    return health.up() ? schemaState(health) : health;
  }

  private HealthReport await(CompletableFuture<HealthReport> check) {
    try {
      return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      String seen = lastFailure != null ? lastFailure : pool.lastOpenFailure();
      return new HealthReport(false, null, null,
          "the database did not answer within " + timeout.toMillis() + " ms"
              + (seen == null ? "" : "; the last failure seen: " + seen));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HealthReport(false, null, null, "interrupted while waiting for the database");
    } catch (ExecutionException e) {
      return new HealthReport(false, null, null, "health check failed: " + e.getCause());
    }
  }

  private HealthReport checkReadiness() {
    HealthReport health = check();
    return health.up() ? schemaState(health) : health;
  }

  /** @return {@code health}, which is up, with the schema's state read (or trusted) */
  private HealthReport schemaState(HealthReport health) {
    List<SchemaStatus> state = upToDate;
    if (state == null || System.nanoTime() - upToDateUntil > 0) {
      try {
        state = schema.get();
      } catch (RuntimeException e) {
        return new HealthReport(true, health.roundTrip(), health.database(),
            "the schema's state cannot be read: " + firstLine(e.getMessage()));
      }
      boolean current = state.stream().allMatch(set -> set.pending() == 0);
      upToDate = current ? state : null;
      upToDateUntil = System.nanoTime() + SCHEMA_CACHE.toNanos();
    }
    int pending = state.stream().mapToInt(SchemaStatus::pending).sum();
    return new HealthReport(true, health.roundTrip(), health.database(),
        pending == 0 ? null : "the database is behind the code: " + pending
            + " pending migration(s); run the migrations (appdb init-db)", state);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    String line = message.strip();
    int end = line.indexOf('\n');
    return end < 0 ? line : line.substring(0, end).strip();
  }

  private HealthReport check() {
    return check(null);
  }

  private Connection checkout(Duration hardTimeout) {
    Connection bounded = hardTimeout == null ? null : pool.checkout(hardTimeout);
    return bounded != null ? bounded : pool.checkout();
  }

  /** @param hardTimeout bounds the checkout, or null for the pool's own checkout timeout */
  private HealthReport check(Duration hardTimeout) {
    HealthReport report = checkOnce(hardTimeout);
    lastFailure = report.up() ? null : report.error();
    return report;
  }

  private HealthReport checkOnce(Duration hardTimeout) {
    long start = System.nanoTime();
    int validationSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
    try (Connection connection = checkout(hardTimeout)) {
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

  /** Stops the probe's thread; a check still running is abandoned; {@link #alive()} is false. */
  @Override
  public void close() {
    closed = true;
    checker.shutdownNow();
    readinessChecker.shutdownNow();
  }
}
