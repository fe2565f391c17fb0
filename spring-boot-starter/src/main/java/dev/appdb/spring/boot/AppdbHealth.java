package dev.appdb.spring.boot;

import dev.appdb.application.health.DatabaseProbe;
import dev.appdb.application.health.HealthReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * appdb's readiness as a health check, free of any Spring Boot type so that Boot 3's and Boot 4's
 * indicators share it: {@link DatabaseProbe#readiness()}, waited for at most the health timeout
 * (the probe answers within its own bound in any case), turned into a status and details.
 */
public final class AppdbHealth implements AutoCloseable {

  /** The outcome, named as Spring Boot's statuses. */
  public enum Status {
    /** The database answered and its schema is as new as the code. */
    UP,
    /** The database answered but a migration set is behind (or its state is unknown). */
    OUT_OF_SERVICE,
    /** The database did not answer within the bound, or refused. */
    DOWN
  }

  /**
   * @param status the outcome
   * @param details what a health endpoint shows: {@code target}, {@code database},
   *     {@code roundTripMs}, {@code schema} (one entry per set: {@code set}, {@code version},
   *     {@code pending}), {@code error}; only those known
   */
  public record Result(Status status, Map<String, Object> details) {}

  private final DatabaseProbe probe;
  private final String target;
  private final Duration timeout;
  private final ExecutorService waiter = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "appdb-health");
    thread.setDaemon(true);
    return thread;
  });

  /**
   * @param probe the database's probe
   * @param target where the database is, without secrets
   * @param timeout the longest a check waits
   */
  public AppdbHealth(DatabaseProbe probe, String target, Duration timeout) {
    this.probe = Objects.requireNonNull(probe, "probe");
    this.target = Objects.requireNonNull(target, "target");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** @return the database's readiness now, within the timeout; never throws */
  public Result check() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("target", target);
    HealthReport report;
    try {
      report = CompletableFuture.supplyAsync(probe::readiness, waiter)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      details.put("error", "no answer within " + timeout.toMillis() + " ms");
      return new Result(Status.DOWN, details);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      details.put("error", "interrupted");
      return new Result(Status.DOWN, details);
    } catch (ExecutionException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      details.put("error", String.valueOf(cause.getMessage()));
      return new Result(Status.DOWN, details);
    }
    if (report.database() != null) {
      details.put("database", report.database());
    }
    if (report.roundTrip() != null) {
      details.put("roundTripMs", report.roundTrip().toMillis());
    }
    if (!report.schema().isEmpty()) {
      details.put("schema", report.schema().stream().map(set -> {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("set", set.set());
        one.put("version", set.version());
        one.put("pending", set.pending());
        return one;
      }).toList());
    }
    if (report.error() != null) {
      details.put("error", report.error());
    }
    Status status = !report.up() ? Status.DOWN
        : report.ready() ? Status.UP : Status.OUT_OF_SERVICE;
    return new Result(status, details);
  }

  /** Stops the waiting thread. */
  @Override
  public void close() {
    waiter.shutdownNow();
  }

}
