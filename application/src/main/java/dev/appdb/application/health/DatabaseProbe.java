package dev.appdb.application.health;

import dev.appdb.domain.error.PoolStatus;

/**
 * Port for probes and metrics: liveness, health, readiness and the connection pool's status.
 * Liveness never depends on the database (restarting a service does not fix its database);
 * readiness does, and also on the schema being as new as the code.
 */
public interface DatabaseProbe {

  /**
   * Checks out a connection and runs a trivial query, within the probe's bound (2 s by default)
   * even when the pool is exhausted or the server is gone. Never throws for a database failure:
   * a failure is reported as {@code up == false} with the reason.
   *
   * @return the report without schema state
   */
  HealthReport health();

  /**
   * {@link #health()} plus where every migration set stands, within the same bound: ready when
   * the database is up and has no pending migration. For a readiness probe.
   *
   * @return the report with schema state when up ({@link HealthReport#ready()})
   */
  HealthReport readiness();

  /**
   * {@link #readiness()} on the caller's thread, for a one-shot command (a CLI's health check):
   * every wait on the database is bounded by the pool's checkout timeout and the connection's
   * own timeouts (connect, login, socket, statement; SQLite's busy timeout), and the JVM's own
   * work (first class loading, a busy CPU) is not cut off. Never throws for a database failure.
   * By default the same as {@link #readiness()}.
   *
   * @return the report with schema state when up
   */
  default HealthReport readinessOnThisThread() {
    return readiness();
  }

  /**
   * @return whether this process's database access is usable at all: false only once it was
   *     closed. Touches no database; for a liveness probe
   */
  boolean alive();

  /** @return a snapshot of the connection pool */
  PoolStatus poolStatus();
}
