package dev.appdb.application.health;

import dev.appdb.domain.error.PoolStatus;

/** Port for readiness probes and metrics: health and the connection pool's status. */
public interface DatabaseProbe {

  /**
   * Checks out a connection and runs a trivial query. Never throws for a database failure: a
   * failure is reported as {@code up == false} with the reason.
   *
   * @return the report, never null
   */
  HealthReport health();

  /** @return a snapshot of the connection pool, never null */
  PoolStatus poolStatus();
}
